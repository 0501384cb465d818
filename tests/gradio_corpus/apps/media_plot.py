"""A matplotlib Plot output: Plot draws a figure of y = x^2."""

import matplotlib

import reactive as gr

matplotlib.use("Agg")
import matplotlib.pyplot as plt

with gr.Blocks() as demo:
    plot = gr.Plot(label="Plot", elem_id="plot")

    def draw():
        figure, axes = plt.subplots()
        axes.plot([0, 1, 2, 3], [0, 1, 4, 9])
        return figure

    gr.Button("Plot", elem_id="draw").click(draw, None, plot)

CHECK = [("click", "draw"), ("expect_set", "plot")]
