"""Executes a notebook with other parameters: nbconvert's ExecutePreprocessor, which first appends the
given Java statements to the cell tagged `parameters` (the code cell after `%load scamscope.jshell`),
so they override the values set there and leave the others as they are.

    PYTHONPATH=notebooks jupyter nbconvert --to notebook \
        --NotebookExporter.preprocessors='["parameters.ExecuteWithParameters"]' \
        --ExecuteWithParameters.parameters='countries = List.of("MMR");' \
        --output-dir /tmp/out notebooks/01-regional-overview.ipynb

Not combined with --execute: that would run the notebook once more, unchanged. Settings of
ExecutePreprocessor (timeout, startup_timeout) apply to it too.
"""
from nbconvert.preprocessors import ExecutePreprocessor
from traitlets import Unicode


class ExecuteWithParameters(ExecutePreprocessor):
    parameters = Unicode("", help="Java statements appended to the cell tagged `parameters`").tag(config=True)

    def preprocess(self, nb, resources=None, km=None):
        tagged = [c for c in nb.cells if "parameters" in c.get("metadata", {}).get("tags", [])]
        if len(tagged) != 1:
            raise ValueError(f"expected one cell tagged 'parameters', found {len(tagged)}")
        if self.parameters:
            tagged[0].source += "\n" + self.parameters
        return super().preprocess(nb, resources, km)
