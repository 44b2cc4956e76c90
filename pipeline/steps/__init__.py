"""The steps an `Article` flows through: the contract (`contract`) and the standard chain.

- `contract`: what a step is (`Step`), running a chain (`run_steps`, `process_one`) and the
  failure record of an article a step could not finish.
- `standard`: the concrete steps (clean, normalize, language, tokenize, figures, entities,
  validate), each a small adapter around one module, and `default_steps()`.
"""
from vnfigures.steps.contract import FunctionStep, Step, failure_for, process_one, run_steps
from vnfigures.steps.standard import default_steps

__all__ = ["FunctionStep", "Step", "default_steps", "failure_for", "process_one", "run_steps"]
