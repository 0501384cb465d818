"""A Label of confidences: Classify shows the top class 'cat'."""

import reactive as gr

with gr.Blocks() as demo:
    label = gr.Label(num_top_classes=2, label="Guess", elem_id="label")
    gr.Button("Classify", elem_id="classify").click(lambda: {"cat": 0.8, "dog": 0.2}, None, label)

CHECK = [("click", "classify"), ("expect_has", "label", "cat")]
