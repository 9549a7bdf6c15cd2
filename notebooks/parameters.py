"""Executes a notebook with other parameters: nbconvert's ExecutePreprocessor, which first appends the
given Java statements to the cell tagged `parameters` (the code cell after `%load scamscope.jshell`),
so they override the values set there and leave the others as they are.

    PYTHONPATH=notebooks jupyter nbconvert --to notebook \
        --NotebookExporter.preprocessors='["parameters.ExecuteWithParameters"]' \
        --ExecuteWithParameters.parameters='countries = List.of("MMR");' \
        --output-dir /tmp/out notebooks/01-regional-overview.ipynb

Not combined with --execute: that would run the notebook once more, unchanged. Settings of
ExecutePreprocessor (timeout, startup_timeout) apply to it too. With --ExecuteWithParameters.charts=N
it stops after the cell that drew the N-th chart (an image/png output), leaving the rest unexecuted:
enough to see what a parameter changes, in a fraction of the time.
"""
from nbconvert.preprocessors import ExecutePreprocessor
from traitlets import Int, Unicode


class ExecuteWithParameters(ExecutePreprocessor):
    parameters = Unicode("", help="Java statements appended to the cell tagged `parameters`").tag(config=True)
    charts = Int(0, help="stop after the cell that drew this many charts; 0: execute every cell").tag(config=True)

    def preprocess(self, nb, resources=None, km=None):
        tagged = [c for c in nb.cells if "parameters" in c.get("metadata", {}).get("tags", [])]
        if len(tagged) != 1:
            raise ValueError(f"expected one cell tagged 'parameters', found {len(tagged)}")
        if self.parameters:
            tagged[0].source += "\n" + self.parameters
        # Kept outside the traits: ExecutePreprocessor.preprocess initialises its client again.
        self._stop_after, self._drawn = self.charts, 0
        return super().preprocess(nb, resources, km)

    def preprocess_cell(self, cell, resources, index):
        if self._stop_after and self._drawn >= self._stop_after:
            return cell, resources
        cell, resources = super().preprocess_cell(cell, resources, index)
        self._drawn += sum(1 for out in cell.get("outputs", []) if "image/png" in out.get("data", {}))
        return cell, resources
