# MINI ID portal. `make run` and `make test` are all you need.
GO        ?= go
WASM      := static/web/app.wasm
PKGS      := ./...
export CGO_ENABLED ?= 0

.PHONY: run demo test build wasm check bench fuzz clean

## run: build the app and start the portal on http://localhost:8080 (SQLite, dev mailbox)
run: wasm
	$(GO) run ./server

## demo: the portal with two apps that log in with it (dev mode, server/cmd/connected/clients.dev.json):
##       "MINI Connected" on http://localhost:8081 (the brand's own) and a partner shop on http://localhost:8082 (asks consent)
demo: wasm
	@trap 'kill 0' INT TERM; \
	OIDC_CLIENTS=server/cmd/connected/clients.dev.json $(GO) run ./server & \
	$(GO) run ./server/cmd/connected & \
	CONNECTED_URL=http://localhost:8082 CONNECTED_NAME="Partner Accessory Shop" CONNECTED_CLIENT_ID=partner-shop \
	  CONNECTED_CLIENT_SECRET=dev-only-secret-of-the-partner-shop-0123456789 $(GO) run ./server/cmd/connected & \
	wait

## wasm: compile the app to WebAssembly, then precompress it if it changed
wasm:
	GOOS=js GOARCH=wasm $(GO) build -trimpath -ldflags='-s -w' -o $(WASM).new ./app/wasm
	@if cmp -s $(WASM).new $(WASM); then rm $(WASM).new; else mv $(WASM).new $(WASM); fi
	$(GO) run ./server/cmd/precompress $(WASM)

## build: one server binary with the app embedded, in bin/miniid
build: wasm
	$(GO) build -trimpath -ldflags='-s -w' -o bin/miniid ./server

## test: every test: unit, store contracts on SQLite and PostgreSQL, HTTP scenarios, browser
test: wasm
	$(GO) vet $(PKGS)
	$(GO) test -count=1 -timeout 20m $(PKGS)

## check: formatting, vet and the browser-build import rule
check:
	@test -z "$$(gofmt -l app server shared static)" || { gofmt -l app server shared static; echo "gofmt: files above need formatting"; exit 1; }
	$(GO) vet $(PKGS)
	@bad=$$(GOOS=js GOARCH=wasm $(GO) list -deps ./app/wasm | grep -xE '.*(uptrace|mailgun|gorilla|/server|zxcvbn|bleve).*|text/template|html/template'); \
	  test -z "$$bad" || { echo "the wasm build imports: $$bad"; exit 1; }
	@own=$$(GOOS=js GOARCH=wasm $(GO) list -deps -f '{{.ImportPath}} {{join .Imports " "}}' ./app/wasm | awk '/ net\/http( |$$)/ {print $$1}' | grep -v '^github.com/maxence-charriere/go-app/v10/pkg/app$$' || true); \
	  test -z "$$own" || { echo "net/http is imported in the wasm by: $$own (only go-app itself may)"; exit 1; }
	@echo "check: ok"

## bench: measured ratios (see README); BENCH_ARGS passes flags, e.g. make bench BENCH_ARGS='-only assistant'
BENCH_ARGS ?=
bench: wasm
	$(GO) run ./server/cmd/bench $(BENCH_ARGS)

## fuzz: run each fuzz target for FUZZTIME (default 10s)
FUZZTIME ?= 10s
fuzz:
	@for t in $$($(GO) test -list '^Fuzz' ./shared/validate | grep ^Fuzz); do \
	  $(GO) test -run '^$$' -fuzz "^$$t$$" -fuzztime $(FUZZTIME) ./shared/validate || exit 1; done
	@for p in ./server/api ./server/auth; do for t in $$($(GO) test -list '^Fuzz' $$p | grep ^Fuzz); do \
	  $(GO) test -run '^$$' -fuzz "^$$t$$" -fuzztime $(FUZZTIME) $$p || exit 1; done; done

clean:
	rm -rf bin $(WASM) $(WASM).br $(WASM).gz $(WASM).sha256 $(WASM).new
