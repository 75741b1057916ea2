package io.crimecast.cli;

import io.crimecast.app.Demo;
import io.crimecast.model.NativeThreads;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.util.concurrent.Callable;

@Command(name = "demo", mixinStandardHelpOptions = true,
        description = "Everything on bundled real data: a local broker, the topics, a model trained and published, the streaming"
                + " app, a replay, hotspots as days close, and the accuracy of what was served.")
final class DemoCommand implements Callable<Integer> {
    @Option(names = "--region", defaultValue = "philadelphia", paramLabel = "philadelphia|portland", description = "philadelphia or portland (default ${DEFAULT-VALUE})")
    String region;

    @Option(names = "--replay-days", defaultValue = "120", paramLabel = "N", description = "Replay the last N days of the bundled data (default ${DEFAULT-VALUE})")
    int replayDays;

    @Option(names = "--http-port", defaultValue = "0", paramLabel = "PORT", description = "Port of the map page, query API, metrics and health (default: a free one)")
    int httpPort;

    @Option(names = "--train-epochs", defaultValue = "10", paramLabel = "N", description = "At most this many training epochs (default ${DEFAULT-VALUE})")
    int trainEpochs;

    @Option(names = "--keep-running", description = "Stay up after the replay, serving the map page and query API (Ctrl-C stops)")
    boolean keepRunning;

    @Override
    public Integer call() throws Exception {
        NativeThreads.limitUnlessConfigured();
        Progress progress = Progress.toTerminal();
        new Demo(new Demo.Settings(region, replayDays, httpPort, trainEpochs), progress).run(dashboard -> {
            if (keepRunning) {
                progress.line("dashboard  %s", dashboard);
                progress.line("running    until Ctrl-C or SIGTERM");
                progress.line("stopping   on SIG%s", StopSignal.install().join());
            }
        });
        return 0;
    }
}
