# The two commands a newcomer needs (see README.md).
COURSE ?= content/vitale-tegn
OUT ?= build/vitale-tegn

.PHONY: sample test

## Install learnpack and build the sample course (HTML site + SCORM zips) into build/vitale-tegn/
sample:
	python3 -m pip install -q --disable-pip-version-check -e .
	learnpack build $(COURSE) --target html --target scorm12 --target scorm2004 --out $(OUT)

## Install what the tests need (Chromium, npm packages) and run the whole test suite
test:
	scripts/install-test-deps
	npm test
	python3 -m pytest
