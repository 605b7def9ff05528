"""Build a tiny random-weight llama GGUF that gpt4all can load, for fast tests.

The model is gibberish by design: it exists so that the LLM server can be started
as a real process, with the real gpt4all bindings, in well under a second.

* architecture ``llama``, 2 layers, 64-wide, ~0.5 MB, trained context length 16384 (RoPE only, so free);
* a byte-level SentencePiece-style vocabulary: ``<unk>``, ``<s>``, ``</s>``, the 256
  byte tokens ``<0x00>`` … ``<0xFF>``, the SentencePiece space ``▁`` and the ChatML control tokens
  ``<|im_start|>``,
  ``<|im_end|>`` and ``<|endoftext|>``, so that any text (and a ChatML prompt) tokenises;
* deterministic: the same bytes on every call (fixed seed);
* the output layer is biased towards printable ASCII bytes and away from the control
  tokens, so answers are readable gibberish that runs until ``max_tokens``.

Public API (used by other suites too, keep it stable): ``make_tiny_gguf(path) -> path``.
"""

from __future__ import annotations

from pathlib import Path

import gguf
import numpy as np

N_EMBD = 64
N_FF = 128
N_LAYER = 2
N_HEAD = 4
N_CTX_TRAIN = 16384  # RoPE, no learned positions: a long window costs nothing in the file
SEED = 20241123

SPACE = "\u2581"
CHATML_TOKENS = ("<|im_start|>", "<|im_end|>", "<|endoftext|>")


def _vocab() -> tuple[list[str], list[float], list[int]]:
    tokens = ["<unk>", "<s>", "</s>"]
    types = [gguf.TokenType.UNKNOWN, gguf.TokenType.CONTROL, gguf.TokenType.CONTROL]
    for byte in range(256):
        tokens.append(f"<0x{byte:02X}>")
        types.append(gguf.TokenType.BYTE)
    # SentencePiece tokenisers write a space as "▁"; without it in the vocabulary every space would
    # become three byte tokens, and gpt4all 2.8.2 aborts on text with more tokens than bytes + 4.
    tokens.append(SPACE)
    types.append(gguf.TokenType.NORMAL)
    for tok in CHATML_TOKENS:
        tokens.append(tok)
        types.append(gguf.TokenType.CONTROL)
    scores = [0.0] * len(tokens)
    return tokens, scores, [int(t) for t in types]


def _printable_mask(tokens: list[str]) -> np.ndarray:
    mask = np.zeros(len(tokens), dtype=bool)
    for i, tok in enumerate(tokens):
        if tok.startswith("<0x") and len(tok) == 6:
            byte = int(tok[3:5], 16)
            mask[i] = 0x20 <= byte <= 0x7E
        elif tok == SPACE:
            mask[i] = True
    return mask


def make_tiny_gguf(path: Path) -> Path:
    """Write the tiny model to ``path`` (parent folders are created) and return ``path``."""
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    rng = np.random.default_rng(SEED)
    tokens, scores, types = _vocab()
    n_vocab = len(tokens)

    writer = gguf.GGUFWriter(str(path), "llama")
    writer.add_name("remedios-tiny-test")
    writer.add_context_length(N_CTX_TRAIN)
    writer.add_embedding_length(N_EMBD)
    writer.add_block_count(N_LAYER)
    writer.add_feed_forward_length(N_FF)
    writer.add_head_count(N_HEAD)
    writer.add_head_count_kv(N_HEAD)
    writer.add_layer_norm_rms_eps(1e-5)
    writer.add_rope_dimension_count(N_EMBD // N_HEAD)
    writer.add_file_type(gguf.LlamaFileType.ALL_F32)
    writer.add_tokenizer_model("llama")
    writer.add_token_list(tokens)
    writer.add_token_scores(scores)
    writer.add_token_types(types)
    writer.add_unk_token_id(0)
    writer.add_bos_token_id(1)
    writer.add_eos_token_id(tokens.index("<|im_end|>"))
    writer.add_add_bos_token(False)
    writer.add_add_eos_token(False)
    writer.add_add_space_prefix(False)

    def rand(*shape: int, scale: float = 0.02) -> np.ndarray:
        return (rng.standard_normal(shape) * scale).astype(np.float32)

    # A large constant in dimension 0 of every embedding survives the (small) layers and the
    # final RMS norm; column 0 of the output matrix turns it into a bias towards printable bytes.
    embd = rand(n_vocab, N_EMBD, scale=1.0)
    embd[:, 0] = 8.0
    writer.add_tensor("token_embd.weight", embd)
    for layer in range(N_LAYER):
        prefix = f"blk.{layer}"
        writer.add_tensor(f"{prefix}.attn_norm.weight", np.ones(N_EMBD, dtype=np.float32))
        writer.add_tensor(f"{prefix}.attn_q.weight", rand(N_EMBD, N_EMBD, scale=0.08))
        writer.add_tensor(f"{prefix}.attn_k.weight", rand(N_EMBD, N_EMBD, scale=0.08))
        writer.add_tensor(f"{prefix}.attn_v.weight", rand(N_EMBD, N_EMBD, scale=0.08))
        writer.add_tensor(f"{prefix}.attn_output.weight", rand(N_EMBD, N_EMBD, scale=0.08))
        writer.add_tensor(f"{prefix}.ffn_norm.weight", np.ones(N_EMBD, dtype=np.float32))
        writer.add_tensor(f"{prefix}.ffn_gate.weight", rand(N_FF, N_EMBD, scale=0.08))
        writer.add_tensor(f"{prefix}.ffn_up.weight", rand(N_FF, N_EMBD, scale=0.08))
        writer.add_tensor(f"{prefix}.ffn_down.weight", rand(N_EMBD, N_FF, scale=0.08))
    writer.add_tensor("output_norm.weight", np.ones(N_EMBD, dtype=np.float32))
    output = rand(n_vocab, N_EMBD, scale=1.0)
    output[:, 0] = np.where(_printable_mask(tokens), 1.0, -4.0)
    writer.add_tensor("output.weight", output)

    writer.write_header_to_file()
    writer.write_kv_data_to_file()
    writer.write_tensors_to_file()
    writer.close()
    return path


if __name__ == "__main__":  # pragma: no cover - manual use
    import sys

    print(make_tiny_gguf(Path(sys.argv[1] if len(sys.argv) > 1 else "tiny.gguf")))
