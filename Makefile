# Two commands do everything: `make demo` and `make test`. Both build .venv on first use.
PYTHON ?= python3
VENV ?= .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: demo test lint typecheck bench eval models scorer finder clean

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install -q --disable-pip-version-check -e '.[dev]'
	touch $(STAMP)

demo: $(STAMP)
	$(BIN)/redline demo

test: $(STAMP)
	$(BIN)/ruff check src tests benchmarks
	$(BIN)/mypy
	$(BIN)/python -m pytest -q -n 2

lint: $(STAMP)
	$(BIN)/ruff check src tests benchmarks

typecheck: $(STAMP)
	$(BIN)/mypy

bench: $(STAMP)
	$(BIN)/python benchmarks/bench_extract.py

# Extraction quality: the seeds (when ../shared is there), then each set under eval/.
eval: $(STAMP)
	@if [ -d ../shared/gold/seeds ]; then echo "== seeds"; \
	  $(BIN)/redline eval --gold ../shared/gold/seeds --articles ../shared/corpus/seeds; fi
	@for set in $$(ls -d eval/dev* eval/heldout* | sort -V); do echo "== $$set"; \
	  $(BIN)/redline eval --gold $$set/gold --articles $$set/articles; done

# Retrain the pack's claim scorer and claim finder on the dev sets (never on the held-out
# ones), their thresholds chosen together; deterministic. `scorer` and `finder` train one alone.
DEV_SETS := dev dev-2 dev-3 dev-4 dev-5 dev-6 dev-7 dev-8 dev-9 dev-10 dev-11 dev-12 dev-13 dev-14 dev-15 dev-16 dev-17 dev-18 dev-19 dev-20 dev-21 dev-22 dev-23 dev-24 dev-25 dev-26 dev-27 dev-28 dev-29 dev-30 dev-31 dev-32 dev-33 dev-34 dev-35 dev-36 dev-37 dev-38 dev-39 dev-40 dev-41 dev-42 dev-43 dev-44 dev-45 dev-46 dev-47 dev-48 dev-49 dev-50 dev-51 dev-52 dev-53 dev-54 dev-55 dev-57 dev-58
models: $(STAMP)
	$(BIN)/redline train-claims $(addprefix eval/,$(DEV_SETS)) \
	  --pack-dir src/redline/packs/data/russia-ukraine

scorer: $(STAMP)
	$(BIN)/redline train-scorer $(addprefix eval/,$(DEV_SETS)) \
	  --out src/redline/packs/data/russia-ukraine/claim_scorer.json

finder: $(STAMP)
	$(BIN)/redline train-finder $(addprefix eval/,$(DEV_SETS)) \
	  --out src/redline/packs/data/russia-ukraine/claim_finder.json

clean:
	rm -rf $(VENV) redline.db demo.db
