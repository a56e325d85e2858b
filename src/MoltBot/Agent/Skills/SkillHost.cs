namespace MoltBot.Agent.Skills;

/// <summary>The machine a skill's requirements are checked against: environment variables, programs on PATH, the OS.</summary>
/// <param name="Os">OpenClaw's names: <c>linux</c>, <c>darwin</c> or <c>win32</c>.</param>
internal sealed record SkillHost(Func<string, string?> GetEnvironmentVariable, Func<string, bool> HasProgram, string Os)
{
    public static SkillHost FromProcess() => new(Environment.GetEnvironmentVariable, name => FindOnPath(name, Environment.GetEnvironmentVariable("PATH")) is not null, CurrentOs);

    public static string CurrentOs =>
        OperatingSystem.IsWindows() ? "win32" : OperatingSystem.IsMacOS() ? "darwin" : OperatingSystem.IsLinux() ? "linux" : "unknown";

    /// <summary>The full path of an executable <paramref name="name"/> in one of the <paramref name="path"/> folders, or null.</summary>
    public static string? FindOnPath(string name, string? path)
    {
        if (string.IsNullOrEmpty(path) || name.Length == 0 || name.IndexOfAny(['/', '\\']) >= 0)
        {
            return null;
        }
        var extensions = OperatingSystem.IsWindows()
            ? ["", .. (Environment.GetEnvironmentVariable("PATHEXT") ?? ".EXE;.CMD;.BAT").Split(';', StringSplitOptions.RemoveEmptyEntries)]
            : new[] { "" };
        foreach (var folder in path.Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries))
        {
            foreach (var extension in extensions)
            {
                var candidate = Path.Combine(folder, name + extension);
                if (File.Exists(candidate) && IsExecutable(candidate))
                {
                    return candidate;
                }
            }
        }
        return null;
    }

    private static bool IsExecutable(string file) =>
        OperatingSystem.IsWindows() || (File.GetUnixFileMode(file) & (UnixFileMode.UserExecute | UnixFileMode.GroupExecute | UnixFileMode.OtherExecute)) != 0;
}
