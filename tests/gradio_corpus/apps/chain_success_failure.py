""".success after a good run, .failure after gr.Error: 'bad' shows 'failed', 'ok' shows
'succeeded'.
"""

import reactive as gr

with gr.Blocks() as demo:
    word = gr.Textbox(label="Word", elem_id="word")
    verdict = gr.Textbox(label="Verdict", elem_id="verdict")

    def check(w):
        if w == "bad":
            raise gr.Error("bad word")
        return w

    dep = gr.Button("Check", elem_id="check").click(check, word, word)
    dep.success(lambda: "succeeded", None, verdict)
    dep.failure(lambda: "failed", None, verdict)

CHECK = [
    ("input", "word", "bad"),
    ("click", "check"),
    ("expect", "verdict", "failed"),
    ("input", "word", "ok"),
    ("click", "check"),
    ("expect", "verdict", "succeeded"),
]
