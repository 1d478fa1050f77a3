"""The parts of `training/bench.py`, one concern each.

- `workload`: what is processed (the corpus releases, repeated) and how
  words are counted;
- `reference`: the plain spaCy NER pipeline iec_nlp is measured against;
- `machine`: the machine, its other load, CPU time and peak memory;
- `workers`: each measurement, run in a fresh interpreter;
- `measure`: the measurements run interleaved, iec_nlp next to the reference;
- `report`: the tables, the targets of issue 17 and the README table;
- `profile` and `attribution`: `bench.py --profile`, where the time goes.

Only the standard library is imported at module level (except in `profile`
and `attribution`): a worker must be able to time `import iec_nlp` itself.
"""
