"""Gradio's streaming chatbot: the answer appears token by token."""

import time

import reactive as gr


def slow_echo(message, history):  # type: ignore[no-untyped-def]
    answer = f"You typed: **{message}** (message {len(history) // 2 + 1})"
    for i in range(len(answer)):
        time.sleep(0.02)
        yield answer[: i + 1]


demo = gr.ChatInterface(
    slow_echo,
    type="messages",
    title="Echo bot",
    examples=["hello", "what is reactive?"],
)

if __name__ == "__main__":
    demo.launch()
