import {
  CategoryScale, Chart as ChartJS, Legend, LinearScale, LineElement, PointElement, Title, Tooltip,
} from 'chart.js';
import { Line } from 'react-chartjs-2';
import { useTranslation } from 'react-i18next';
import type { TrainingRun } from '../store/trainingSlice';

ChartJS.register(CategoryScale, LinearScale, PointElement, LineElement, Legend, Tooltip, Title);

const COLOURS = ['#1565c0', '#c62828', '#2e7d32', '#6a1b9a', '#ef6c00', '#00838f'];

/**
 * Accuracy and loss per epoch, training (solid) against validation (dashed), as the course plots
 * them; every run of this session is overlaid, so SGD and Adam can be compared.
 */
export function LearningCurves({ runs }: { runs: TrainingRun[] }) {
  const { t } = useTranslation();
  // Planned epochs of runs still going or finished; a stopped run counts only the epochs it did.
  const epochs = Math.max(1, ...runs.map((run) =>
    (run.status === 'running' || run.status === 'finished' ? run.request.epochs : run.epochs.length)));
  const labels = Array.from({ length: epochs }, (_, i) => String(i + 1));
  const name = (run: TrainingRun) => `#${run.runId} ${run.request.optimizer.toUpperCase()} ${run.request.learningRate}`;
  const chart = (metric: 'accuracy' | 'loss') => ({
    labels,
    datasets: runs.flatMap((run, i) => {
      const colour = COLOURS[i % COLOURS.length];
      const validation = metric === 'accuracy' ? 'validationAccuracy' : 'validationLoss';
      return [
        { label: `${name(run)} ${t('training.train')}`, data: run.epochs.map((e) => e[metric]), borderColor: colour, backgroundColor: colour },
        {
          label: `${name(run)} ${t('training.validation')}`, data: run.epochs.map((e) => e[validation]),
          borderColor: colour, backgroundColor: colour, borderDash: [6, 4],
        },
      ];
    }),
  });
  const options = (title: string) => ({
    animation: false as const,
    maintainAspectRatio: false,
    plugins: { title: { display: true, text: title }, legend: { position: 'bottom' as const } },
    scales: { x: { title: { display: true, text: t('training.epoch') } } },
  });
  return (
    <div className="curves" data-testid="learning-curves" data-runs={runs.length}>
      <div className="curve"><Line data={chart('accuracy')} options={options(t('training.accuracy'))} /></div>
      <div className="curve"><Line data={chart('loss')} options={options(t('training.loss'))} /></div>
    </div>
  );
}
