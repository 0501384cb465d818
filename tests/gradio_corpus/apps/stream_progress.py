"""gr.Progress() reports progress while a loop runs; the result is 'done 5'."""

import reactive as gr

with gr.Blocks() as demo:
    n = gr.Number(value=5, label="Steps", elem_id="n")
    out = gr.Textbox(label="Result", elem_id="out")

    def work(steps, progress=gr.Progress()):  # noqa: B008 - Gradio's idiom
        for _ in progress.tqdm(range(int(steps))):
            pass
        return f"done {int(steps)}"

    gr.Button("Work", elem_id="work").click(work, n, out)

CHECK = [("click", "work"), ("expect", "out", "done 5")]
