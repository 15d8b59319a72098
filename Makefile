# Harbor CRM — the two promises: `make run` and `make test`. Everything else supports them.
SHELL := /bin/bash
.DEFAULT_GOAL := help
MVN ?= mvn -B
BACKEND := backend
FRONTEND := frontend

# The jar `make run`, the browser tests and the ops test start. Set before any rule names it: make expands a
# prerequisite list when it reads the rule, so a JAR set further down was empty there and nothing built the jar.
# Rebuilt when the pom or a file under src/main changes, and when a file is added or removed there (the listing
# includes the folders, whose time changes then), e.g. after a `git pull`. The touch marks the jar up to date
# even when Maven left it as it was.
JAR := $(BACKEND)/target/quarkus-app/quarkus-run.jar
$(JAR): $(BACKEND)/pom.xml $(shell find $(BACKEND)/src/main 2>/dev/null)
	cd $(BACKEND) && $(MVN) -q package -DskipTests
	@touch $@

.PHONY: help run demo-reset mail-deps test db keys backend-test client-test frontend-deps frontend-test e2e first-run-check ops-test ops-containers openapi build image native-image compose-config clean contract-deps contract-lint api-contract-test

help: ## List the targets
	@grep -E '^[a-z0-9-]+:.*## ' $(MAKEFILE_LIST) | awk -F':.*## ' '{printf "  make %-15s %s\n", $$1, $$2}'

db: ## Make a PostgreSQL reachable and create Harbor's roles and databases
	@scripts/ensure-db.sh

keys: ## Generate the development JWT key pair (git-ignored) if missing
	@scripts/dev-keys.sh

# npm ci when node_modules is missing or older than package.json or package-lock.json (a `git pull` that changed
# them): npm ci writes node_modules/.package-lock.json last, so its time says when the install was made.
frontend-deps:
	@cd $(FRONTEND) && { [ node_modules/.package-lock.json -nt package-lock.json ] && [ node_modules/.package-lock.json -nt package.json ] || npm ci --no-audit --no-fund; }

# The local mail catcher (maildev) `make run` sends the demo store's e-mail to, pinned in its package-lock.json.
mail-deps:
	@cd tools/mail-catcher && { [ node_modules/.package-lock.json -nt package-lock.json ] && [ node_modules/.package-lock.json -nt package.json ] || npm ci --no-audit --no-fund; }

# Third-party contract checkers (Spectral, Prism), pinned in contract/package-lock.json.
contract-deps:
	@cd contract && { [ -d node_modules ] && [ node_modules/.package-lock.json -nt package-lock.json ] || npm ci --no-audit --no-fund; }

contract-lint: contract-deps ## Spectral with the OWASP API Top 10 ruleset on openapi.yaml: fails on any error
	cd contract && npm run --silent lint

run: db keys frontend-deps mail-deps $(JAR) ## Backend on :8080 with a demo store, web app on :5173, mail inbox on :1080 (logins are printed; ports: HARBOR_HTTP_PORT, HARBOR_WEB_PORT, HARBOR_MAIL_PORT, HARBOR_MAIL_WEB_PORT)
	@scripts/run-dev.sh

demo-reset: db keys frontend-deps mail-deps $(JAR) ## As `make run`, after writing the demo store anew (no other store is touched)
	@HARBOR_DEMO_RESET=true scripts/run-dev.sh

# Each step prints its duration: CI has 40 minutes on two cores, and this shows where they go.
timed = started=$$(date +%s); $(MAKE) $(1) && echo "[test] $(1): $$(( $$(date +%s) - started )) s"

test: db keys frontend-deps contract-deps ## Every test: contract lint, backend on PostgreSQL, contract drift, web app, fresh-clone run
	@$(call timed,contract-lint)
	@$(call timed,backend-test)
	@$(call timed,api-contract-test)
	@$(call timed,client-test)
	@$(call timed,frontend-test)
	@$(call timed,e2e)
	@$(call timed,first-run-check)
	@$(call timed,ops-test)
	@$(call timed,compose-config)
	@$(call timed,ops-containers)

backend-test: db keys contract-deps ## Backend tests (@QuarkusTest on PostgreSQL, contract drift included); leaves a fresh jar
	cd $(BACKEND) && $(MVN) package

frontend-test: frontend-deps ## Web app: generated types vs openapi.yaml, types, unit tests, build, size budget
	cd $(FRONTEND) && npm run check:api && npm run typecheck && npm test && npm run build && npm run size

# API test classes once more through Prism (scripts/api-contract-test.sh): the classes whose requests Prism can judge.
# Left out: classes built on deliberately malformed requests (Prism answers those itself, e.g. CustomerFileTest's
# unparsable bodies) and the stats tests, whose exact decimals Prism re-serializes (1.0 arrives as 1).
API_CONTRACT_TESTS ?= TagTest,SavedViewTest,LostReasonTest,CustomFieldTest,FollowUpTest,InquiryTest,PoolListTest,PoolsTest,PoolRulesPerPoolTest,PoolDistributionTest,TimelineTest,RemindersTest,EscalationLadderTest
api-contract-test: db keys contract-deps ## API tests again through Prism (--errors): an answer breaking openapi.yaml fails
	API_CONTRACT_TESTS='$(API_CONTRACT_TESTS)' scripts/api-contract-test.sh

client-test: db keys $(JAR) ## The Java client generated from openapi.yaml (clients/java) runs an integrator's scenario against the backend jar
	MVN='$(MVN)' scripts/client-test.sh

e2e: db keys frontend-deps contract-deps $(JAR) ## Browser tests in Chromium, through Prism (contract-validating proxy) to the backend jar
	cd $(FRONTEND) && npm run e2e

# Clones HEAD into a temporary folder and runs `make run` there on ports and a database of its own (harbor_firstrun,
# recreated empty): logins printed, API ready, web app served, a login through its proxy, a clean stop on Ctrl-C.
first-run-check: ## `make run` on a fresh clone of HEAD works and stops cleanly; prints clone → working page time
	scripts/first-run-check.sh

# Needs no shared database: it starts a private PostgreSQL cluster of its own, which it stops and starts.
ops-test: keys $(JAR) ## Scale-out and recovery: two backend instances on one private PostgreSQL (about 3 min)
	timeout 360 node ops-test/scale-out.mjs

openapi: keys ## Regenerate openapi.yaml from the code, and the web app's types from it
	cd $(BACKEND) && $(MVN) -q package -DskipTests
	cp $(BACKEND)/target/openapi/openapi.yaml openapi.yaml
	cd $(FRONTEND) && npm run gen:api

build: keys frontend-deps ## Build the backend jar and the web app
	cd $(BACKEND) && $(MVN) package -DskipTests
	cd $(FRONTEND) && npm run build

compose-config: ## Validate docker-compose.yml (needs only a compose client, no engine)
	@if docker compose version >/dev/null 2>&1; then docker compose config -q; \
	elif command -v docker-compose >/dev/null; then docker-compose config -q; \
	else echo "no compose client: apt-get install docker-compose" >&2; exit 1; fi
	@echo "docker-compose.yml is valid"

image: keys frontend-deps $(JAR) ## Container images from Debian packages (mmdebstrap + podman: no daemon, no registry)
	cd $(FRONTEND) && npm run build
	containers/build-images.sh

# The compose file in containers: up, restart, database outage, two backends, upgrade, backup and restore, down.
ops-containers: image ## docker-compose.yml booted with podman-compose on the built images, through its ops checks
	timeout 900 node ops-test/containers.mjs

native-image: ## Build the native backend image inside Docker (Mandrel builder; needs a Docker engine)
	docker build -f $(BACKEND)/src/main/docker/Dockerfile.native -t harbor-crm/backend .

clean: ## Remove build output (keeps the database and dev keys)
	cd $(BACKEND) && $(MVN) -q clean
	rm -rf $(FRONTEND)/dist
