using System.CommandLine;
using MoltBot.Cli;

namespace MoltBot.Tests.Infrastructure;

/// <summary>The real command tree (<see cref="MoltBotCli"/>) run in this process with an explicit environment, clock and writers.</summary>
internal static class InProcessCli
{
    public static async Task<(int ExitCode, string Stdout, string Stderr)> RunAsync(
        IReadOnlyDictionary<string, string?> environment, params string[] args) => await RunAsync(environment, TimeProvider.System, TestContext.Current.CancellationToken, args);

    public static async Task<(int ExitCode, string Stdout, string Stderr)> RunAsync(
        IReadOnlyDictionary<string, string?> environment, TimeProvider time, CancellationToken cancellationToken, params string[] args)
    {
        var (output, error) = (new StringWriter(), new StringWriter());
        var exit = await MoltBotCli.RunAsync(args, new CliHost(environment, time),
            new InvocationConfiguration { Output = TextWriter.Synchronized(output), Error = TextWriter.Synchronized(error), ProcessTerminationTimeout = null }, cancellationToken);
        return (exit, output.ToString(), error.ToString());
    }
}
