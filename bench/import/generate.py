#!/usr/bin/env python3
"""Writes a realistic customer list as CSV (what merchants export from other CRMs and marketplaces):
English and Chinese names and companies, unique emails and phones, countries, cities, addresses, products,
stages, stars, a WeChat or WhatsApp handle on some rows, a few tags. Usage: generate.py ROWS FILE"""
import random
import sys

rows, path = int(sys.argv[1]), sys.argv[2]
rnd = random.Random(42)
first = ["John", "Anna", "Carlos", "Fatima", "Wei", "Olga", "Ahmed", "Maria", "Kenji", "Priya", "Lucas", "Sofia"]
last = ["Miller", "Schmidt", "Garcia", "Khan", "Zhang", "Ivanova", "Hassan", "Rossi", "Tanaka", "Patel", "Silva"]
cn_first = ["伟", "芳", "娜", "敏", "静", "强", "磊", "军", "洋", "勇"]
cn_last = ["张", "王", "李", "赵", "刘", "陈", "杨", "黄", "周", "吴"]
kinds = ["Hardware", "Trading", "Imports", "Supply", "Industrial", "Home Goods", "Tools", "Building Materials"]
cn_kinds = ["五金制品有限公司", "贸易有限公司", "进出口有限公司", "建材有限公司"]
places = [("US", "Chicago"), ("DE", "Berlin"), ("BR", "São Paulo"), ("AE", "Dubai"), ("CN", "宁波"), ("RU", "Moscow"),
          ("IN", "Mumbai"), ("IT", "Milan"), ("JP", "Osaka"), ("GB", "London"), ("MX", "Monterrey")]
products = ["Door hinges", "Cabinet handles", "Drawer slides", "Padlocks", "Power tools", "Faucets", "LED lights"]
stages = ["", "", "INQUIRY", "INQUIRY", "SAMPLE_ORDER", "NO_DEAL", "TRANSACTION"]
positions = ["", "Purchasing manager", "Owner", "Buyer", "CEO"]

with open(path, "w", encoding="utf-8", newline="") as out:
    out.write("Name,Company,Email,Phone,Mobile,Country,City,Address,Main products,Position,Stage,Stars,WeChat,Tags\r\n")
    for i in range(1, rows + 1):
        country, city = places[i % len(places)]
        if country == "CN":
            name = rnd.choice(cn_last) + rnd.choice(cn_first)
            company = city + rnd.choice(cn_kinds)
        else:
            name = rnd.choice(first) + " " + rnd.choice(last)
            company = rnd.choice(last) + " " + rnd.choice(kinds) + (" LLC" if i % 3 else " Ltd")
        phone = "+%d %03d %04d" % (1 + i % 90, i // 10000, i % 10000) if i % 2 else ""
        mobile = "+86 139%08d" % i if i % 3 == 0 else ""
        address = "%d %s Street" % (1 + i % 400, rnd.choice(last)) if i % 4 else ""
        wechat = "wx_%d" % i if i % 5 == 0 else ""
        tags = "VIP" if i % 17 == 0 else ""
        notes_company = '"%s"' % company if "," in company else company
        out.write(",".join([name, notes_company, "buyer%d@%s.example" % (i, last[i % len(last)].lower()), phone, mobile,
                            country, city, address, rnd.choice(products), rnd.choice(positions), rnd.choice(stages),
                            str(i % 4), wechat, tags]) + "\r\n")
