namespace MoltBot.Agent.Tools.Files;

/// <summary>Shared checks of the file tools: the path resolved inside the workspace, and only regular files touched.</summary>
internal static class WorkspaceFile
{
    /// <summary>The real path of an existing regular file inside the workspace.</summary>
    public static string ExistingFile(ToolContext context, string path)
    {
        var real = WorkspacePaths.Resolve(context.WorkspacePath, path);
        if (Directory.Exists(real))
        {
            throw new ToolRefusedException($"'{path}' is a folder; use the list tool.");
        }
        if (!File.Exists(real))
        {
            throw new ToolRefusedException($"'{path}' does not exist in your workspace.");
        }
        EnsureRegular(path, real);
        return real;
    }

    public static void EnsureRegular(string path, string real)
    {
        if (!FileKind.IsRegularOrDirectory(real))
        {
            throw new ToolRefusedException($"'{path}' is not a regular file (a device, FIFO or socket); file tools refuse it.");
        }
    }
}
