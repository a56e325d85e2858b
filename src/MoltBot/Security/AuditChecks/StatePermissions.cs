using MoltBot.Configuration;

namespace MoltBot.Security.AuditChecks;

/// <summary>
/// Which state paths are not private (folder 0700, files 0600): the state folder, the files directly in it (config,
/// database and its WAL files, gateway token), the config file wherever it lives, and everything under <c>credentials/</c>.
/// Shared by <c>moltbot security audit</c> and <c>moltbot doctor --fix</c>.
/// </summary>
internal static class StatePermissions
{
    public sealed record Problem(string Path, bool IsFolder, UnixFileMode Mode)
    {
        public UnixFileMode Wanted => IsFolder ? UnixPermissions.PrivateFolder : UnixPermissions.PrivateFile;

        /// <summary>Others (not just the group) can read or write it.</summary>
        public bool OpenToOthers => (Mode & UnixPermissions.OtherBits) != 0;

        public string Chmod => $"chmod {UnixPermissions.Octal(Wanted)} '{Path}'";
    }

    public static IReadOnlyList<Problem> Find(MoltBotPaths paths)
    {
        var problems = new List<Problem>();
        Check(paths.StateDir, isFolder: true, problems);
        if (Directory.Exists(paths.StateDir))
        {
            foreach (var file in Directory.EnumerateFiles(paths.StateDir))
            {
                Check(file, isFolder: false, problems);
            }
            foreach (var entry in UnixPermissions.Below(Path.Combine(paths.StateDir, "credentials")).Prepend(Path.Combine(paths.StateDir, "credentials")))
            {
                Check(entry, Directory.Exists(entry), problems);
            }
        }
        if (!problems.Any(p => p.Path == paths.ConfigPath))
        {
            Check(paths.ConfigPath, isFolder: false, problems);
        }
        return problems;
    }

    /// <summary>Sets each path to its private mode (only the permission bits; owner and content stay).</summary>
    public static void Fix(IEnumerable<Problem> problems)
    {
        foreach (var problem in problems)
        {
            UnixPermissions.SetMode(problem.Path, problem.Wanted);
        }
    }

    private static void Check(string path, bool isFolder, List<Problem> problems)
    {
        if (UnixPermissions.ModeOf(path) is { } mode && (mode & (UnixPermissions.GroupBits | UnixPermissions.OtherBits)) != 0)
        {
            problems.Add(new Problem(path, isFolder, mode));
        }
    }
}
