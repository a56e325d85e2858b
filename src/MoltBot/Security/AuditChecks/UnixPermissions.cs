namespace MoltBot.Security.AuditChecks;

/// <summary>Unix mode bits for the permission checks. On Windows every question answers "fine" (ACLs are out of scope).</summary>
internal static class UnixPermissions
{
    public const UnixFileMode GroupBits = UnixFileMode.GroupRead | UnixFileMode.GroupWrite | UnixFileMode.GroupExecute;
    public const UnixFileMode OtherBits = UnixFileMode.OtherRead | UnixFileMode.OtherWrite | UnixFileMode.OtherExecute;
    public const UnixFileMode SharedWrite = UnixFileMode.GroupWrite | UnixFileMode.OtherWrite;
    public const UnixFileMode PrivateFolder = UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute;
    public const UnixFileMode PrivateFile = UnixFileMode.UserRead | UnixFileMode.UserWrite;

    /// <summary>The mode of a real file or folder; null for missing paths, symlinks (never chmod through one) and Windows.</summary>
    public static UnixFileMode? ModeOf(string path)
    {
        if (OperatingSystem.IsWindows())
        {
            return null;
        }
        FileSystemInfo info = Directory.Exists(path) ? new DirectoryInfo(path) : new FileInfo(path);
        return info.Exists && info.LinkTarget is null ? info.UnixFileMode : null;
    }

    /// <summary>chmod; a no-op on Windows (where <see cref="ModeOf"/> never reports a problem to fix).</summary>
    public static void SetMode(string path, UnixFileMode mode)
    {
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(path, mode);
        }
    }

    public static string Octal(UnixFileMode mode) => Convert.ToString((int)mode & 0b111_111_111, 8).PadLeft(3, '0');

    /// <summary>Regular files and folders below <paramref name="folder"/> (not following symlinks), at most <paramref name="limit"/>.</summary>
    public static IEnumerable<string> Below(string folder, int limit = 10_000)
    {
        if (!Directory.Exists(folder))
        {
            return [];
        }
        var options = new EnumerationOptions { RecurseSubdirectories = true, AttributesToSkip = FileAttributes.ReparsePoint, IgnoreInaccessible = true };
        return Directory.EnumerateFileSystemEntries(folder, "*", options).Take(limit);
    }
}
