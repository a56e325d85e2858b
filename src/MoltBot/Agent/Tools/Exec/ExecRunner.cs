using MoltBot.Configuration;

namespace MoltBot.Agent.Tools.Exec;

/// <summary>Builds the launch for a command (plain <c>/bin/sh -c</c> or under bwrap) with the scrubbed environment.</summary>
internal sealed class ExecRunner(MoltBotConfig config, BubblewrapSandbox sandbox, TimeProvider timeProvider)
{
    public const string Shell = "/bin/sh";

    public ExecConfig Config => config.Tools.Exec;

    public TimeProvider TimeProvider => timeProvider;

    /// <summary>Starts <paramref name="command"/> in <paramref name="workspace"/>; refuses when a sandbox is required but unusable.</summary>
    public ShellProcess Start(string command, string workspace, OutputBuffer output)
    {
        if (!File.Exists(Shell))
        {
            throw new ToolRefusedException($"exec needs {Shell}, which this system does not have (e.g. a chiseled container image ships no shell).");
        }
        Directory.CreateDirectory(workspace);
        var environment = ScrubbedEnvironment.For(workspace);
        ShellLaunch launch;
        if (Config.Sandbox)
        {
            if (sandbox.Problem is { } problem || BubblewrapSandbox.FindBwrap() is not { } bwrap)
            {
                throw new ToolRefusedException($"sandbox requested (tools.exec.sandbox) but bwrap is not usable: {sandbox.Problem}. " +
                    "Install bubblewrap or set tools.exec.sandbox: false.");
            }
            launch = BubblewrapSandbox.Wrap(bwrap, command, workspace, Config.Network, environment);
        }
        else
        {
            launch = new ShellLaunch(Shell, ["-c", command], workspace, environment);
        }
        return ShellProcess.Start(launch, output, timeProvider);
    }

    /// <summary>The model's requested limit, never above <c>tools.exec.maxTimeoutSeconds</c>.</summary>
    public TimeSpan Timeout(long? requestedSeconds, bool background)
    {
        var max = Math.Max(1, Config.MaxTimeoutSeconds);
        var fallback = background ? max : Math.Min(Config.TimeoutSeconds, max);
        return TimeSpan.FromSeconds(Math.Clamp(requestedSeconds ?? fallback, 1, max));
    }
}
