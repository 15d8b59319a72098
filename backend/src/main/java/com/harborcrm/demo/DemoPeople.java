package com.harborcrm.demo;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.Set;

/**
 * The demo store's buyers: plausible, distinct people and companies of the countries a Ningbo exporter of LED and
 * solar lighting sells to, with matching cities, phone numbers, e-mail domains, IM networks and websites. Drawn from
 * the story's one seeded {@link Random}, so every run writes the same people.
 */
final class DemoPeople {

    /** One country's naming: given and family names, cities, dialling code, company name parts and IM habits. */
    private record Country(String code, String[] given, String[] family, String[] cities, String dial, int digits,
            String[] companyForms, String tld, String im, boolean chineseScript) {
    }

    record Buyer(String name, String companyName, String position, String country, String city, String email,
            String phone, String mobile, String imChannel, String imHandle, String website, String businessType,
            String companySize, String annualPurchase, List<String> categories, String address, String postcode) {
    }

    private static final String[] TRADE_WORDS = {"Lighting", "Electric", "Solar", "Energy", "Trading", "Supply",
        "Import", "Distribution", "Projects", "Lamps", "Power", "Illumination", "Home", "Building Materials",
        "Technologies", "Hardware", "Industrial", "Retail", "Electrical Wholesale", "Green Power"};
    private static final String[] BRAND_WORDS = {"Nova", "Sunrise", "Atlas", "Bright", "Polar", "Orion", "Vega",
        "Delta", "Summit", "Coral", "Falcon", "Harbor", "Zenith", "Prime", "Lumen", "Aurora", "Meridian", "Beacon",
        "Pioneer", "Crest", "Horizon", "Apex", "Sterling", "Evergreen", "Keystone", "Northstar", "Bluewater",
        "Redwood", "Silverline", "Goldfield"};
    private static final String[] CN_BRANDS = {"华光", "明辉", "恒通", "鑫源", "宏达", "金星", "瑞丰", "永盛", "汇能",
        "立信", "泰和", "嘉禾", "新世纪", "东方", "天成", "益佳", "远航", "百盛"};
    private static final String[] CN_TRADES = {"照明", "电器", "光电", "新能源", "贸易", "五金", "电子", "灯饰"};
    private static final String[][] CN_PINYIN = {{"王", "wang"}, {"李", "li"}, {"张", "zhang"}, {"刘", "liu"},
        {"陈", "chen"}, {"杨", "yang"}, {"黄", "huang"}, {"赵", "zhao"}, {"吴", "wu"}, {"周", "zhou"}, {"徐", "xu"},
        {"孙", "sun"}, {"马", "ma"}, {"朱", "zhu"}, {"胡", "hu"}, {"林", "lin"}, {"郭", "guo"}, {"何", "he"},
        {"高", "gao"}, {"罗", "luo"}};
    private static final String[][] CN_GIVEN = {{"伟", "wei"}, {"芳", "fang"}, {"娜", "na"}, {"敏", "min"},
        {"静", "jing"}, {"强", "qiang"}, {"磊", "lei"}, {"军", "jun"}, {"洋", "yang"}, {"勇", "yong"}, {"艳", "yan"},
        {"杰", "jie"}, {"涛", "tao"}, {"明", "ming"}, {"超", "chao"}, {"秀英", "xiuying"}, {"建华", "jianhua"},
        {"志强", "zhiqiang"}, {"海燕", "haiyan"}, {"晓东", "xiaodong"}, {"丽华", "lihua"}, {"国庆", "guoqing"}};

    private static final List<Country> COUNTRIES = List.of(
        new Country("US", new String[] {"James", "Michael", "Robert", "Jennifer", "Linda", "David", "Sarah", "Kevin",
            "Emily", "Brian", "Ashley", "Jason", "Megan", "Ryan", "Laura"}, new String[] {"Smith", "Johnson",
            "Williams", "Brown", "Jones", "Miller", "Davis", "Wilson", "Anderson", "Taylor", "Thomas", "Moore",
            "Martin", "Jackson", "Thompson", "White", "Harris", "Clark", "Lewis", "Walker"}, new String[] {"Dallas",
            "Houston", "Los Angeles", "Miami", "Chicago", "Atlanta", "Phoenix", "Denver", "Seattle", "Charlotte"},
            "1", 10, new String[] {"LLC", "Inc.", "Corp."}, "com", "WHATSAPP", false),
        new Country("GB", new String[] {"Oliver", "Harry", "George", "Amelia", "Olivia", "Jack", "Charlotte", "Thomas",
            "Sophie", "William"}, new String[] {"Wright", "Hughes", "Evans", "Roberts", "Green", "Hall", "Wood",
            "Turner", "Cooper", "Ward", "Morris", "Baker"}, new String[] {"Manchester", "Birmingham", "Leeds",
            "London", "Bristol", "Glasgow"}, "44", 10, new String[] {"Ltd", "Ltd", "plc"}, "co.uk", "WHATSAPP", false),
        new Country("DE", new String[] {"Lukas", "Jonas", "Anna", "Lena", "Felix", "Julia", "Tobias", "Katrin",
            "Stefan", "Sabine"}, new String[] {"Müller", "Schmidt", "Schneider", "Fischer", "Weber", "Meyer", "Wagner",
            "Becker", "Hoffmann", "Schulz", "Koch", "Richter"}, new String[] {"Hamburg", "Munich", "Cologne",
            "Frankfurt", "Stuttgart", "Düsseldorf", "Leipzig"}, "49", 11, new String[] {"GmbH", "GmbH & Co. KG", "AG"},
            "de", "WHATSAPP", false),
        new Country("FR", new String[] {"Lucas", "Hugo", "Camille", "Léa", "Louis", "Chloé", "Antoine", "Manon"},
            new String[] {"Martin", "Bernard", "Dubois", "Durand", "Lefebvre", "Moreau", "Laurent", "Girard", "Roux"},
            new String[] {"Lyon", "Marseille", "Lille", "Toulouse", "Paris", "Nantes"}, "33", 9,
            new String[] {"SARL", "SAS"}, "fr", "WHATSAPP", false),
        new Country("ES", new String[] {"Javier", "Lucía", "Carmen", "Pablo", "Sergio", "Elena", "Marta", "Diego"},
            new String[] {"García", "Fernández", "López", "Martínez", "Sánchez", "Romero", "Navarro", "Torres"},
            new String[] {"Madrid", "Barcelona", "Valencia", "Seville", "Bilbao"}, "34", 9,
            new String[] {"S.L.", "S.A."}, "es", "WHATSAPP", false),
        new Country("IT", new String[] {"Marco", "Giulia", "Luca", "Francesca", "Matteo", "Chiara", "Andrea"},
            new String[] {"Rossi", "Russo", "Ferrari", "Esposito", "Bianchi", "Romano", "Colombo", "Ricci"},
            new String[] {"Milan", "Turin", "Bologna", "Naples", "Verona"}, "39", 10, new String[] {"S.r.l.", "S.p.A."},
            "it", "WHATSAPP", false),
        new Country("PL", new String[] {"Piotr", "Anna", "Tomasz", "Katarzyna", "Paweł", "Agnieszka", "Marcin"},
            new String[] {"Nowak", "Kowalski", "Wiśniewski", "Wójcik", "Kamiński", "Lewandowski", "Zieliński"},
            new String[] {"Warsaw", "Kraków", "Poznań", "Gdańsk", "Wrocław"}, "48", 9, new String[] {"Sp. z o.o."},
            "pl", "WHATSAPP", false),
        new Country("BR", new String[] {"João", "Ana", "Pedro", "Mariana", "Rafael", "Fernanda", "Lucas", "Camila"},
            new String[] {"Silva", "Santos", "Oliveira", "Souza", "Pereira", "Costa", "Almeida", "Ferreira"},
            new String[] {"São Paulo", "Curitiba", "Belo Horizonte", "Recife", "Porto Alegre"}, "55", 11,
            new String[] {"Ltda", "Ltda", "S.A."}, "com.br", "WHATSAPP", false),
        new Country("MX", new String[] {"Alejandro", "Sofía", "Miguel", "Valeria", "Jorge", "Daniela", "Luis"},
            new String[] {"Hernández", "González", "Ramírez", "Flores", "Cruz", "Morales", "Reyes", "Ortiz"},
            new String[] {"Monterrey", "Guadalajara", "Mexico City", "Puebla", "Tijuana"}, "52", 10,
            new String[] {"S.A. de C.V."}, "com.mx", "WHATSAPP", false),
        new Country("AE", new String[] {"Ahmed", "Mohammed", "Fatima", "Omar", "Khalid", "Aisha", "Yousef", "Hassan"},
            new String[] {"Al Mansoori", "Al Hashimi", "Haddad", "Khoury", "Saleh", "Nasser", "Rahman", "Qureshi"},
            new String[] {"Dubai", "Sharjah", "Abu Dhabi", "Ajman"}, "971", 9, new String[] {"FZE", "LLC", "Trading LLC"},
            "ae", "WHATSAPP", false),
        new Country("SA", new String[] {"Abdullah", "Faisal", "Saad", "Nora", "Majed", "Turki", "Reem"},
            new String[] {"Al Qahtani", "Al Otaibi", "Al Harbi", "Al Zahrani", "Al Ghamdi", "Al Dossary"},
            new String[] {"Riyadh", "Jeddah", "Dammam"}, "966", 9, new String[] {"Est.", "Co. Ltd"}, "sa", "WHATSAPP",
            false),
        new Country("NG", new String[] {"Chinedu", "Ngozi", "Emeka", "Funmilayo", "Tunde", "Adaeze", "Ibrahim"},
            new String[] {"Okafor", "Adeyemi", "Eze", "Bello", "Okonkwo", "Balogun", "Nwosu", "Abubakar"},
            new String[] {"Lagos", "Abuja", "Kano", "Port Harcourt"}, "234", 10, new String[] {"Ltd", "Nigeria Ltd"},
            "com.ng", "WHATSAPP", false),
        new Country("ZA", new String[] {"Thabo", "Sipho", "Lerato", "Pieter", "Johan", "Naledi", "Anele"},
            new String[] {"Nkosi", "Dlamini", "van der Merwe", "Botha", "Khumalo", "Naidoo", "Mokoena"},
            new String[] {"Johannesburg", "Cape Town", "Durban", "Pretoria"}, "27", 9, new String[] {"(Pty) Ltd"},
            "co.za", "WHATSAPP", false),
        new Country("IN", new String[] {"Rahul", "Priya", "Amit", "Sneha", "Vikram", "Anjali", "Arjun", "Deepa"},
            new String[] {"Sharma", "Patel", "Gupta", "Singh", "Reddy", "Iyer", "Mehta", "Agarwal", "Nair"},
            new String[] {"Mumbai", "Delhi", "Bengaluru", "Chennai", "Ahmedabad", "Pune"}, "91", 10,
            new String[] {"Pvt Ltd", "Enterprises", "Pvt Ltd"}, "in", "WHATSAPP", false),
        new Country("AU", new String[] {"Liam", "Noah", "Chloe", "Isla", "Jack", "Mia", "Cooper"},
            new String[] {"Kelly", "Murphy", "Ryan", "O'Brien", "Campbell", "Stewart", "Mitchell"},
            new String[] {"Sydney", "Melbourne", "Brisbane", "Perth", "Adelaide"}, "61", 9, new String[] {"Pty Ltd"},
            "com.au", "WHATSAPP", false),
        new Country("VN", new String[] {"Minh", "Lan", "Hùng", "Thảo", "Tuấn", "Hương", "Dũng"},
            new String[] {"Nguyễn", "Trần", "Lê", "Phạm", "Hoàng", "Vũ", "Đặng"},
            new String[] {"Ho Chi Minh City", "Hanoi", "Da Nang", "Hai Phong"}, "84", 9, new String[] {"Co., Ltd", "JSC"},
            "vn", "SKYPE", false),
        new Country("TH", new String[] {"Somchai", "Suda", "Niran", "Malee", "Anan", "Ploy"},
            new String[] {"Srisuk", "Chaiyaporn", "Wongsawat", "Rattanakul", "Boonmee", "Kittikul"},
            new String[] {"Bangkok", "Chiang Mai", "Chonburi"}, "66", 9, new String[] {"Co., Ltd"}, "co.th", "LINE",
            false),
        new Country("ID", new String[] {"Budi", "Siti", "Agus", "Dewi", "Rizky", "Putri"},
            new String[] {"Santoso", "Wijaya", "Halim", "Kusuma", "Hidayat", "Saputra"},
            new String[] {"Jakarta", "Surabaya", "Bandung", "Medan"}, "62", 10, new String[] {"PT"}, "co.id",
            "WHATSAPP", false),
        new Country("TR", new String[] {"Mehmet", "Ayşe", "Emre", "Zeynep", "Burak", "Elif", "Murat"},
            new String[] {"Yılmaz", "Kaya", "Demir", "Şahin", "Çelik", "Aydın", "Arslan"},
            new String[] {"Istanbul", "Ankara", "Izmir", "Bursa"}, "90", 10, new String[] {"Ltd. Şti.", "A.Ş."},
            "com.tr", "WHATSAPP", false),
        new Country("RU", new String[] {"Dmitry", "Olga", "Sergey", "Natalia", "Alexei", "Irina", "Pavel"},
            new String[] {"Ivanov", "Smirnov", "Kuznetsov", "Popov", "Sokolov", "Volkov", "Fedorov"},
            new String[] {"Moscow", "Saint Petersburg", "Novosibirsk", "Kazan"}, "7", 10, new String[] {"LLC", "OOO"},
            "ru", "TELEGRAM", false),
        new Country("CN", new String[0], new String[0], new String[] {"Shenzhen", "Guangzhou", "Shanghai", "Xiamen",
            "Yiwu", "Chengdu"}, "86", 11, new String[] {"有限公司", "贸易有限公司"}, "cn", "WECHAT", true),
        new Country("TW", new String[0], new String[0], new String[] {"Taipei", "Taichung", "Kaohsiung"}, "886", 9,
            new String[] {"有限公司", "股份有限公司"}, "com.tw", "LINE", true),
        new Country("SG", new String[0], new String[0], new String[] {"Singapore"}, "65", 8,
            new String[] {"Pte Ltd"}, "com.sg", "WHATSAPP", true),
        new Country("MY", new String[] {"Ahmad", "Nurul", "Hafiz", "Aina", "Farid"}, new String[] {"Ismail",
            "Abdullah", "Hassan", "Rahman", "Yusof"}, new String[] {"Kuala Lumpur", "Penang", "Johor Bahru"}, "60", 9,
            new String[] {"Sdn Bhd"}, "com.my", "WHATSAPP", false));

    /** How often each country's buyers write, by index above: the large markets first. */
    private static final int[] WEIGHTS = {14, 7, 7, 4, 5, 4, 3, 6, 4, 6, 3, 4, 3, 6, 3, 3, 2, 2, 3, 2, 5, 2, 2, 2};

    private static final String[] POSITIONS = {"Purchasing Manager", "Procurement Officer", "Owner", "Director",
        "Sourcing Manager", "Buyer", "General Manager", "Import Manager", "Project Manager", "Category Manager"};
    private static final String[] CN_POSITIONS = {"采购经理", "总经理", "采购主管", "老板"};
    private static final String[] BUSINESS_TYPES = {"Wholesaler", "Distributor", "Retailer", "Contractor",
        "Importer", "Online store", "Project developer", "Brand owner"};
    private static final String[] SIZES = {"1-10", "11-50", "51-200", "201-500", "500+"};
    private static final String[] PURCHASES = {"< USD 50k", "USD 50k-200k", "USD 200k-1M", "> USD 1M"};
    static final String[] CATEGORIES = {"LED panels", "Solar street lights", "LED tubes", "Flood lights",
        "High bay lights", "Solar garden lights", "LED strips", "Emergency lights"};

    private final Random random;
    private final Set<String> names = new HashSet<>();
    private final java.util.Map<String, Integer> buyersPerCountry = new java.util.HashMap<>();
    private final Set<String> companies = new HashSet<>();
    private final Set<String> emails = new HashSet<>();
    private final Set<String> numbers = new HashSet<>();

    DemoPeople(Random random) {
        this.random = random;
    }

    Buyer next() {
        Country country = country();
        // A small country's names run out after a few dozen buyers: then the buyer is from another country.
        for (int tries = 0; tries < 20 && crowded(country); tries++) {
            country = country();
        }
        String given;
        String family;
        String name;
        String latinName;
        String position;
        int attempts = 0;
        do {
            if (country.chineseScript()) {
                String[] surname = pick(CN_PINYIN);
                String[] first = pick(CN_GIVEN);
                given = first[1];
                family = surname[1];
                // Half of them write their name in Chinese characters, the others in pinyin.
                name = random.nextBoolean() ? surname[0] + first[0] : capitalize(first[1]) + " " + capitalize(surname[1]);
            } else {
                given = pick(country.given());
                family = pick(country.family());
                name = given + " " + family;
            }
            latinName = ascii(given) + " " + ascii(family);
        } while (!names.add(name) && ++attempts < 50);
        if (attempts == 50) {
            // Still taken: a middle initial tells the two apart, as it does on their business cards.
            char initial = 'A';
            while (!names.add(given + " " + initial + ". " + family)) {
                initial++;
            }
            name = given + " " + initial + ". " + family;
        }
        buyersPerCountry.merge(country.code(), 1, Integer::sum);
        position = country.chineseScript() && random.nextInt(3) == 0 ? pick(CN_POSITIONS) : pick(POSITIONS);

        String company;
        String domainWord;
        do {
            if (country.code().equals("CN") || country.code().equals("TW") && random.nextBoolean()) {
                String brand = pick(CN_BRANDS);
                String city = country.code().equals("CN") ? pick(new String[] {"深圳市", "广州市", "上海", "厦门", "义乌市"})
                        : "台北";
                company = city + brand + pick(CN_TRADES) + pick(country.companyForms());
                domainWord = pinyinOfBrand(brand) + pick(new String[] {"light", "elec", "trade", "power"});
            } else if (random.nextInt(4) == 0) {
                company = capitalize(family) + " " + pick(TRADE_WORDS) + " " + pick(country.companyForms());
                domainWord = ascii(family) + ascii(company.split(" ")[1]);
            } else {
                String brand = pick(BRAND_WORDS);
                String trade = pick(TRADE_WORDS);
                company = brand + " " + trade + " " + pick(country.companyForms());
                domainWord = brand + trade;
            }
        } while (!companies.add(company));
        String domain = domainWord.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]", "") + "." + country.tld();
        String local = switch (random.nextInt(5)) {
            case 0 -> ascii(given).toLowerCase(Locale.ROOT);
            case 1 -> (ascii(given).charAt(0) + ascii(family)).toLowerCase(Locale.ROOT);
            case 2 -> (ascii(given) + "." + ascii(family)).toLowerCase(Locale.ROOT);
            case 3 -> pick(new String[] {"purchase", "sales", "info", "import", "procurement"});
            default -> (ascii(given) + ascii(family).charAt(0)).toLowerCase(Locale.ROOT);
        };
        local = local.replaceAll("[^a-z0-9.]", "");
        String email = local + "@" + domain;
        for (int n = 2; !emails.add(email); n++) {
            email = local + n + "@" + domain;
        }
        String phone = random.nextInt(5) == 0 ? null : number(country);
        String mobile = random.nextInt(3) == 0 ? null : number(country);
        String imHandle = null;
        String imChannel = null;
        if (random.nextInt(10) < 7) {
            imChannel = country.im();
            imHandle = switch (imChannel) {
                case "WHATSAPP" -> mobile != null ? mobile.replace(" ", "") : number(country).replace(" ", "");
                case "WECHAT" -> "wx_" + latinName.toLowerCase(Locale.ROOT).replace(" ", "") + (100 + random.nextInt(900));
                case "SKYPE" -> "live:" + latinName.toLowerCase(Locale.ROOT).replace(" ", ".");
                default -> latinName.toLowerCase(Locale.ROOT).replace(" ", "_") + random.nextInt(100);
            };
        }
        String website = random.nextInt(3) == 0 ? null : "https://www." + domain;
        String city = pick(country.cities());
        List<String> categories = new ArrayList<>();
        for (String category : CATEGORIES) {
            if (random.nextInt(4) == 0) {
                categories.add(category);
            }
        }
        String address = random.nextInt(2) == 0 ? null
                : (1 + random.nextInt(240)) + " " + pick(new String[] {"Industrial Road", "Commerce Street",
                    "Harbour Avenue", "Trade Park", "Business Centre", "Market Street"});
        String postcode = address == null ? null : String.valueOf(10000 + random.nextInt(89999));
        return new Buyer(name, company, position, country.code(), city, email, phone, mobile, imChannel, imHandle,
                website, pick(BUSINESS_TYPES), pick(SIZES), pick(PURCHASES), categories, address, postcode);
    }

    /** Another spelling of a buyer who wrote before: the same mobile or e-mail, a new name or company form. */
    Buyer sameBuyerAgain(Buyer buyer) {
        String[] parts = buyer.name().split(" ");
        String name = parts.length > 1 ? parts[0].charAt(0) + ". " + parts[parts.length - 1] : buyer.name() + " (office)";
        return new Buyer(name, buyer.companyName().replaceAll(" (Ltd|LLC|Inc\\.|GmbH|S\\.L\\.)$", ""),
                buyer.position(), buyer.country(), buyer.city(), buyer.email().replaceFirst("@", "+orders@"),
                null, buyer.mobile() != null ? buyer.mobile() : buyer.phone(), null, null, buyer.website(),
                buyer.businessType(), buyer.companySize(), buyer.annualPurchase(), buyer.categories(), null, null);
    }

    /** Whether half the country's name combinations are taken (the rest would take long to hit at random). */
    private boolean crowded(Country country) {
        int combinations = country.chineseScript() ? CN_PINYIN.length * CN_GIVEN.length
                : country.given().length * country.family().length;
        return buyersPerCountry.getOrDefault(country.code(), 0) * 2 >= combinations;
    }

    private Country country() {
        int total = 0;
        for (int w : WEIGHTS) {
            total += w;
        }
        int roll = random.nextInt(total);
        for (int i = 0; i < WEIGHTS.length; i++) {
            roll -= WEIGHTS[i];
            if (roll < 0) {
                return COUNTRIES.get(i);
            }
        }
        return COUNTRIES.get(0);
    }

    private String number(Country country) {
        String number;
        do {
            StringBuilder digits = new StringBuilder();
            digits.append(1 + random.nextInt(9));
            while (digits.length() < country.digits()) {
                digits.append(random.nextInt(10));
            }
            String d = digits.toString();
            // Grouped as people write them: 8 digits 4+4, 9 as 2+3+4, 10 as 3+3+4, 11 as 3+4+4.
            String grouped = switch (d.length()) {
                case 8 -> d.substring(0, 4) + " " + d.substring(4);
                case 9 -> d.substring(0, 2) + " " + d.substring(2, 5) + " " + d.substring(5);
                case 10 -> d.substring(0, 3) + " " + d.substring(3, 6) + " " + d.substring(6);
                default -> d.substring(0, 3) + " " + d.substring(3, 7) + " " + d.substring(7);
            };
            number = "+" + country.dial() + " " + grouped;
        } while (!numbers.add(number.replaceAll("[^0-9]", "")));
        return number;
    }

    private static String pinyinOfBrand(String brand) {
        int code = Math.abs(brand.hashCode()) % CN_PINYIN.length;
        return CN_PINYIN[code][1] + CN_GIVEN[code % CN_GIVEN.length][1];
    }

    private <T> T pick(T[] values) {
        return values[random.nextInt(values.length)];
    }

    private static String capitalize(String word) {
        return Character.toUpperCase(word.charAt(0)) + word.substring(1);
    }

    /** "Müller" → "Muller", "Al Qahtani" → "AlQahtani": for e-mail addresses and handles. */
    static String ascii(String text) {
        return Normalizer.normalize(text, Normalizer.Form.NFD).replaceAll("\\p{M}", "").replace("ß", "ss")
                .replace("ł", "l").replace("Ł", "L").replace("ı", "i").replace("đ", "d").replace("Đ", "D")
                .replace("ş", "s").replace("'", "").replace(" ", "");
    }
}
