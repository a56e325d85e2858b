using System.Diagnostics;

namespace MoltBot.Agent.Tools.Exec;

/// <summary>
/// <c>tools.exec.sandbox</c>: runs <c>/bin/sh -c</c> under bubblewrap with every namespace unshared (network only with
/// <c>tools.exec.network</c>), the system folders read-only, a private /tmp, and the workspace as the only writable
/// path. Whether bwrap works here (installed, user namespaces allowed) is probed once.
/// </summary>
internal sealed class BubblewrapSandbox
{
    private static readonly string[] ReadOnlySystemPaths = ["/usr", "/bin", "/sbin", "/lib", "/lib32", "/lib64", "/libx32", "/opt"];

    // Only what programs need from /etc: users, name resolution, certificates, time zone, Debian's alternatives links.
    private static readonly string[] ReadOnlyEtcPaths =
    [
        "/etc/passwd", "/etc/group", "/etc/nsswitch.conf", "/etc/hosts", "/etc/resolv.conf", "/etc/host.conf", "/etc/gai.conf",
        "/etc/ssl", "/etc/ca-certificates", "/etc/localtime", "/etc/alternatives", "/etc/ld.so.cache", "/etc/ld.so.conf",
        "/etc/ld.so.conf.d", "/etc/mime.types", "/etc/os-release",
    ];

    private static readonly string[] BwrapLocations = ["/usr/bin/bwrap", "/usr/local/bin/bwrap", "/bin/bwrap"];
    private static readonly string[] TrialArguments = ["--unshare-all", "--die-with-parent", "--ro-bind", "/", "/", "--", "/bin/true"];

    private readonly Lazy<string?> _problem = new(Probe);

    /// <summary>Why the sandbox cannot run here, or null when it can.</summary>
    public string? Problem => _problem.Value;

    public static string? FindBwrap() =>
        BwrapLocations.FirstOrDefault(File.Exists);

    public static ShellLaunch Wrap(string bwrap, string command, string workspace, bool network, IReadOnlyDictionary<string, string> environment)
    {
        var args = new List<string> { "--unshare-all" };
        if (network)
        {
            args.Add("--share-net");
        }
        args.AddRange(["--die-with-parent", "--new-session", "--cap-drop", "ALL"]);
        foreach (var path in ReadOnlySystemPaths.Concat(ReadOnlyEtcPaths))
        {
            args.AddRange(["--ro-bind-try", path, path]);
        }
        args.AddRange(["--proc", "/proc", "--dev", "/dev", "--tmpfs", "/tmp", "--bind", workspace, workspace, "--chdir", workspace, "--clearenv"]);
        foreach (var (name, value) in environment)
        {
            args.AddRange(["--setenv", name, value]);
        }
        args.AddRange(["--", "/bin/sh", "-c", command]);
        return new ShellLaunch(bwrap, args, workspace, environment);
    }

    private static string? Probe()
    {
        if (!OperatingSystem.IsLinux())
        {
            return "bubblewrap runs only on Linux";
        }
        if (FindBwrap() is not { } bwrap)
        {
            return "bwrap is not installed (Debian/Ubuntu: apt-get install bubblewrap)";
        }
        try
        {
            var info = new ProcessStartInfo(bwrap) { RedirectStandardError = true, RedirectStandardOutput = true, UseShellExecute = false };
            foreach (var arg in TrialArguments)
            {
                info.ArgumentList.Add(arg);
            }
            using var process = Process.Start(info)!;
            var error = process.StandardError.ReadToEnd();
            if (!process.WaitForExit(10_000))
            {
                process.Kill(entireProcessTree: true);
                return "bwrap did not finish a trial run within 10 s";
            }
            return process.ExitCode == 0 ? null : $"bwrap failed a trial run ({error.Trim()}); unprivileged user namespaces may be disabled";
        }
        catch (Exception ex) when (ex is System.ComponentModel.Win32Exception or InvalidOperationException or IOException)
        {
            return $"bwrap could not start: {ex.Message}";
        }
    }
}
