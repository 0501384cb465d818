"""chatbot.like: liking message 1 shows 'liked 1: hello'."""

import reactive as gr

with gr.Blocks() as demo:
    chat = gr.Chatbot(
        value=[{"role": "user", "content": "hi"}, {"role": "assistant", "content": "hello"}],
        type="messages",
        elem_id="chat",
    )
    verdict = gr.Textbox(label="Verdict", elem_id="verdict")

    def vote(data: gr.LikeData):
        return f"{'liked' if data.liked else 'disliked'} {data.index}: {data.value}"

    chat.like(vote, None, verdict)

CHECK = [
    ("trigger", "chat", "like", {"index": 1, "value": "hello", "liked": True}),
    ("expect", "verdict", "liked 1: hello"),
]
