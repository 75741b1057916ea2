package io.crimecast.cli;

import picocli.CommandLine;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;

/** Runs the real command line and captures what it prints, System.out/err and picocli's writers alike. */
record CliRun(int exit, String out, String err) {

    static CliRun of(String... args) {
        PrintStream originalOut = System.out;
        PrintStream originalErr = System.err;
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        StringWriter cliOut = new StringWriter();
        StringWriter cliErr = new StringWriter();
        int exit;
        System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
        System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
        try {
            CommandLine cli = CrimecastCli.commandLine();
            cli.setOut(new PrintWriter(cliOut, true));
            cli.setErr(new PrintWriter(cliErr, true));
            exit = cli.execute(args);
        } finally {
            System.setOut(originalOut);
            System.setErr(originalErr);
        }
        CliRun run = new CliRun(exit, out.toString(StandardCharsets.UTF_8) + cliOut, err.toString(StandardCharsets.UTF_8) + cliErr);
        originalOut.println(run.out());
        originalErr.println(run.err());
        return run;
    }
}
