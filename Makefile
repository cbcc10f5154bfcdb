# make install PREFIX=…   a release build of duben (the Swift runtime linked in: it starts in half
#                         the time), installed with its texts, manual page and completions
# make uninstall PREFIX=… removes exactly those files (and the directories left empty)
PREFIX ?= /usr/local
DESTDIR ?=
SWIFT ?= swift
# Extra flags for `swift build`, e.g. --scratch-path DIR.
SWIFT_BUILD_FLAGS ?=

ROOT := $(DESTDIR)$(PREFIX)
BINDIR := $(ROOT)/bin
DATADIR := $(ROOT)/share/duben
MANDIR := $(ROOT)/share/man/man1
BASHDIR := $(ROOT)/share/bash-completion/completions
ZSHDIR := $(ROOT)/share/zsh/site-functions
FISHDIR := $(ROOT)/share/fish/vendor_completions.d
# Removed by uninstall when empty, deepest first (never PREFIX itself).
DIRS := $(MANDIR) $(ROOT)/share/man $(BASHDIR) $(ROOT)/share/bash-completion \
	$(ZSHDIR) $(ROOT)/share/zsh $(FISHDIR) $(ROOT)/share/fish $(ROOT)/share $(BINDIR)

.PHONY: all build install uninstall
all: build

build:
	$(SWIFT) build -c release --product duben --static-swift-stdlib $(SWIFT_BUILD_FLAGS)

install: build
	bin="$$($(SWIFT) build -c release --static-swift-stdlib --show-bin-path $(SWIFT_BUILD_FLAGS))" && \
	install -d "$(BINDIR)" "$(DATADIR)" "$(MANDIR)" "$(BASHDIR)" "$(ZSHDIR)" "$(FISHDIR)" && \
	install -m 755 "$$bin/duben" "$(BINDIR)/duben"
	rm -rf "$(DATADIR)/Texts"
	cp -R Texts "$(DATADIR)/Texts"
	chmod -R u=rwX,go=rX "$(DATADIR)/Texts"
	install -m 644 Docs/duben.1 "$(MANDIR)/duben.1"
	install -m 644 Docs/completions/duben.bash "$(BASHDIR)/duben"
	install -m 644 Docs/completions/_duben "$(ZSHDIR)/_duben"
	install -m 644 Docs/completions/duben.fish "$(FISHDIR)/duben.fish"

uninstall:
	rm -f "$(BINDIR)/duben" "$(MANDIR)/duben.1" "$(BASHDIR)/duben" "$(ZSHDIR)/_duben" "$(FISHDIR)/duben.fish"
	rm -rf "$(DATADIR)/Texts"
	-rmdir "$(DATADIR)" 2>/dev/null
	-for d in $(DIRS); do [ ! -d "$$d" ] || rmdir "$$d" 2>/dev/null; done; true
