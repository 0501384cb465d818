"""gr.Info and gr.Warning notices: clicking Notify shows a toast 'Saved' and one 'Careful'."""

import reactive as gr

with gr.Blocks() as demo:
    out = gr.Textbox(label="Out", elem_id="out")

    def notify():
        gr.Info("Saved")
        gr.Warning("Careful")
        return "notified"

    gr.Button("Notify", elem_id="notify").click(notify, None, out)

CHECK = [
    ("click", "notify"),
    ("expect", "out", "notified"),
    ("expect_toast", "Saved"),
    ("expect_toast", "Careful"),
]
