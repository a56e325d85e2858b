namespace MoltBot.Storage;

/// <summary>State is private to the user: folders 0700, files 0600.</summary>
internal static class StateFiles
{
    private const UnixFileMode PrivateFolder = UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute;
    private const UnixFileMode PrivateFile = UnixFileMode.UserRead | UnixFileMode.UserWrite;

    public static void EnsurePrivateFolder(string path)
    {
        if (OperatingSystem.IsWindows())
        {
            Directory.CreateDirectory(path);
            return;
        }
        Directory.CreateDirectory(path, PrivateFolder);
    }

    /// <summary>Creates the file empty with 0600 if missing (so it is never briefly world-readable).</summary>
    public static void EnsurePrivateFile(string path)
    {
        EnsurePrivateFolder(System.IO.Path.GetDirectoryName(System.IO.Path.GetFullPath(path))!);
        if (File.Exists(path))
        {
            return;
        }
        var options = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write };
        if (!OperatingSystem.IsWindows())
        {
            options.UnixCreateMode = PrivateFile;
        }
        try
        {
            using var _ = new FileStream(path, options);
        }
        catch (IOException) when (File.Exists(path))
        {
            // Another process created it first.
        }
    }

    /// <summary>Writes <paramref name="content"/> atomically (temp file + rename) with mode 0600.</summary>
    public static void WritePrivate(string path, string content)
    {
        var temp = path + ".tmp-" + Environment.ProcessId;
        EnsurePrivateFile(temp);
        File.WriteAllText(temp, content);
        File.Move(temp, path, overwrite: true);
    }
}
