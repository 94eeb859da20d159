import { JOB_QUEUE, JobName, jobOn, QueueName } from './job-names';

describe('jobOn', () => {
  it('passes every job on its own queue', () => {
    for (const name of Object.values(JobName)) expect(jobOn(JOB_QUEUE[name], name)).toBe(name);
  });

  it('names the right queue for a job on another one', () => {
    expect(() => jobOn(QueueName.MAINTENANCE, JobName.SLA_SWEEP)).toThrow('sla-sweep belongs on the outreach queue, not maintenance');
  });

  it('refuses a job nobody knows', () => {
    expect(() => jobOn(QueueName.TRUST, 'reindex-everything')).toThrow('No handler for job reindex-everything on queue trust');
  });
});
