"""inputs given as a set: the function gets a dict; 6 and 7 multiplied show 42."""

import reactive as gr

with gr.Blocks() as demo:
    a = gr.Number(value=6, label="a", elem_id="a")
    b = gr.Number(value=7, label="b", elem_id="b")
    product = gr.Number(label="a * b", elem_id="product")

    def multiply(values):
        return values[a] * values[b]

    gr.Button("Multiply", elem_id="multiply").click(multiply, {a, b}, product)

CHECK = [("click", "multiply"), ("expect", "product", 42)]
