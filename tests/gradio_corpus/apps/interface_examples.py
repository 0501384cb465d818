"""gr.Interface(examples=[...]) with two inputs: submitting 2 and 5 shows 7."""

import reactive as gr

demo = gr.Interface(
    lambda a, b: a + b,
    [gr.Number(label="a", elem_id="a"), gr.Number(label="b", elem_id="b")],
    gr.Number(label="sum", elem_id="sum"),
    examples=[[1, 2], [3, 4]],
    title="Adder",
)

CHECK = [("input", "a", 2), ("input", "b", 5), ("click", "button-2"), ("expect", "sum", 7)]
