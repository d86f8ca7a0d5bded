/**
 * The benchmarks' SMTP server, in a process of its own as a real relay would be: parsing what the
 * app sends is not the measured process's work. Tells its parent its port, then each subject.
 */
import { startMailSink } from '../../bin/lib/mail-sink';

const sink = await startMailSink({ smtpPort: 0, onMessage: (m) => process.send!({ subject: m.subject }) });
process.send!({ port: sink.smtpPort });
process.on('disconnect', () => void sink.stop().then(() => process.exit(0)));
