# Harbor CRM — the two promises: `make run` and `make test`. Everything else supports them.
SHELL := /bin/bash
.DEFAULT_GOAL := help
MVN ?= mvn -B
BACKEND := backend
FRONTEND := frontend

.PHONY: help run test db keys backend-test frontend-deps frontend-test openapi build image native-image compose-config clean

help: ## List the targets
	@grep -E '^[a-z-]+:.*## ' $(MAKEFILE_LIST) | awk -F':.*## ' '{printf "  make %-15s %s\n", $$1, $$2}'

db: ## Make a PostgreSQL reachable and create Harbor's roles and databases
	@scripts/ensure-db.sh

keys: ## Generate the development JWT key pair (git-ignored) if missing
	@scripts/dev-keys.sh

frontend-deps:
	@cd $(FRONTEND) && { [ -d node_modules ] && [ node_modules/.package-lock.json -nt package-lock.json ] || npm ci --no-audit --no-fund; }

run: db keys frontend-deps ## Backend on :8080 with a demo store, web app on :5173 (logins are printed)
	@scripts/run-dev.sh

test: db keys frontend-deps ## Every test: backend on PostgreSQL, contract drift, web app
	$(MAKE) backend-test
	$(MAKE) frontend-test

backend-test: db keys ## Backend tests (@QuarkusTest on PostgreSQL, contract drift included)
	cd $(BACKEND) && $(MVN) test

frontend-test: frontend-deps ## Web app: generated types vs openapi.yaml, types, unit tests, build, size budget
	cd $(FRONTEND) && npm run check:api && npm run typecheck && npm test && npm run build && npm run size

openapi: keys ## Regenerate openapi.yaml from the code, and the web app's types from it
	cd $(BACKEND) && $(MVN) -q package -DskipTests
	cp $(BACKEND)/target/openapi/openapi.yaml openapi.yaml
	cd $(FRONTEND) && npm run gen:api

build: keys frontend-deps ## Build the backend jar and the web app
	cd $(BACKEND) && $(MVN) package -DskipTests
	cd $(FRONTEND) && npm run build

compose-config: ## Validate docker-compose.yml (needs only the docker client)
	docker compose config -q

clean: ## Remove build output (keeps the database and dev keys)
	cd $(BACKEND) && $(MVN) -q clean
	rm -rf $(FRONTEND)/dist
