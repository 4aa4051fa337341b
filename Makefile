# The two set-up commands of the README.
.PHONY: run test demo bench

run:            ## install, build the demo release, show an entry, then serve the gateway on :8000
	bash scripts/install.sh
	.venv/bin/tflink entry Q15672 --rows 5
	.venv/bin/tflink search TWIST1 --limit 5
	.venv/bin/tflink serve

test:           ## install with the test tools, then run the whole test suite
	bash scripts/install.sh --test
	.venv/bin/python -m pytest -q

bench:          ## benchmarks (on demand; they rewrite docs/benchmarks.md)
	.venv/bin/python benchmarks/run_all.py
