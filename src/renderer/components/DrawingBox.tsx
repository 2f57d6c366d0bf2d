import { useEffect, useRef } from 'react';
import { BOX_SIZE, PEN_WIDTH } from '../../shared/geometry';
import { MAX_STROKE_POINTS } from '../../shared/contract';
import { piecesOf, smoothStroke, type Point, type Stroke } from '../../shared/rasterize';

interface Props {
  index: number;
  strokes: readonly Stroke[];
  label: string;
  onStroke: (stroke: Stroke) => void;
}

function paint(canvas: HTMLCanvasElement, strokes: readonly Stroke[]): void {
  const context = canvas.getContext('2d');
  if (!context) return;
  const scale = canvas.width / BOX_SIZE;
  context.setTransform(1, 0, 0, 1, 0, 0);
  context.clearRect(0, 0, canvas.width, canvas.height);
  context.setTransform(scale, 0, 0, scale, 0, 0);
  context.strokeStyle = context.fillStyle = '#000';
  context.lineWidth = PEN_WIDTH;
  context.lineCap = 'round';
  context.lineJoin = 'round';
  for (const stroke of strokes) {
    if (stroke.length === 1) {
      context.beginPath();
      context.arc(stroke[0][0], stroke[0][1], PEN_WIDTH / 2, 0, Math.PI * 2);
      context.fill();
      continue;
    }
    context.beginPath();
    stroke.forEach(([x, y], i) => (i === 0 ? context.moveTo(x, y) : context.lineTo(x, y)));
    context.stroke();
  }
}

/**
 * One drawing box. Points are kept in box units (0..100) whatever the box's size on screen; the
 * canvas element's bounding box is exactly the drawable area. Coalesced pointer events keep fast
 * strokes smooth, and consecutive points are joined by lines, so there are no gaps.
 */
export function DrawingBox({ index, strokes, label, onStroke }: Props) {
  const canvasRef = useRef<HTMLCanvasElement>(null);
  const current = useRef<Point[] | null>(null);
  /** The one pointer drawing now: a second finger or a resting palm must not join its stroke. */
  const drawingPointer = useRef<number | null>(null);
  const strokesRef = useRef(strokes);
  strokesRef.current = strokes;

  const repaint = () => {
    const canvas = canvasRef.current;
    if (canvas) paint(canvas, current.current ? [...strokesRef.current, current.current] : strokesRef.current);
  };

  useEffect(() => {
    const canvas = canvasRef.current;
    if (!canvas) return;
    const observer = new ResizeObserver(() => {
      const size = Math.round(canvas.getBoundingClientRect().width * devicePixelRatio);
      if (size > 0 && canvas.width !== size) {
        canvas.width = size;
        canvas.height = size;
      }
      repaint();
    });
    observer.observe(canvas);
    return () => observer.disconnect();
  }, []);

  useEffect(repaint, [strokes]);

  const toBox = (event: PointerEvent | React.PointerEvent, rect: DOMRect): Point => [
    Math.min(BOX_SIZE, Math.max(0, ((event.clientX - rect.left) / rect.width) * BOX_SIZE)),
    Math.min(BOX_SIZE, Math.max(0, ((event.clientY - rect.top) / rect.height) * BOX_SIZE)),
  ];

  return (
    <canvas
      ref={canvasRef}
      className="drawing-box"
      data-testid={`box-${index}`}
      aria-label={label}
      role="img"
      onPointerDown={(event) => {
        if (event.button !== 0 || drawingPointer.current !== null) return;
        drawingPointer.current = event.pointerId;
        event.currentTarget.setPointerCapture(event.pointerId);
        current.current = [toBox(event, event.currentTarget.getBoundingClientRect())];
        repaint();
      }}
      onPointerMove={(event) => {
        if (!current.current || event.pointerId !== drawingPointer.current) return;
        const rect = event.currentTarget.getBoundingClientRect();
        const native = event.nativeEvent;
        const samples = typeof native.getCoalescedEvents === 'function' ? native.getCoalescedEvents() : [];
        for (const sample of samples.length ? samples : [native]) current.current.push(toBox(sample, rect));
        repaint();
      }}
      onPointerUp={(event) => {
        if (event.pointerId !== drawingPointer.current) return;
        const stroke = current.current;
        current.current = null;
        drawingPointer.current = null;
        // A very long scribble is kept as several strokes, each one that an example may store.
        if (stroke) piecesOf(smoothStroke(stroke), MAX_STROKE_POINTS).forEach((piece) => onStroke(piece));
      }}
      onPointerCancel={(event) => {
        if (event.pointerId !== drawingPointer.current) return;
        current.current = null;
        drawingPointer.current = null;
        repaint();
      }}
    />
  );
}
