using MoltBot.Agent.Tools;
using MoltBot.Agent.Tools.Files;

namespace MoltBot.Memory;

/// <summary>
/// Which workspace files are memory: <c>MEMORY.md</c> (curated, long-term) and <c>memory/**/*.md</c> (daily notes
/// <c>memory/YYYY-MM-DD.md</c> and anything else the owner keeps there). Paths are workspace-relative with <c>/</c>.
/// </summary>
internal static class MemoryFiles
{
    public const string LongTerm = "MEMORY.md";
    public const string Folder = "memory";

    /// <summary>The memory files that exist now (symbolic links are not followed), relative and sorted.</summary>
    public static IReadOnlyList<string> List(string workspace)
    {
        var result = new List<string>();
        var longTerm = new FileInfo(Path.Combine(workspace, LongTerm));
        if (longTerm.Exists && longTerm.LinkTarget is null)
        {
            result.Add(LongTerm);
        }
        var folder = new DirectoryInfo(Path.Combine(workspace, Folder));
        if (folder.Exists && folder.LinkTarget is null)
        {
            var options = new EnumerationOptions { RecurseSubdirectories = true, AttributesToSkip = FileAttributes.ReparsePoint | FileAttributes.Hidden, IgnoreInaccessible = true };
            foreach (var file in folder.EnumerateFiles("*.md", options))
            {
                result.Add(Path.GetRelativePath(workspace, file.FullName).Replace(Path.DirectorySeparatorChar, '/'));
            }
        }
        result.Sort(StringComparer.Ordinal);
        return result;
    }

    public static bool IsMemoryPath(string relative) =>
        relative == LongTerm || (relative.StartsWith(Folder + "/", StringComparison.Ordinal) && relative.EndsWith(".md", StringComparison.OrdinalIgnoreCase));

    /// <summary>
    /// The real path of a memory file named by the model; anything else (other workspace files, <c>..</c>, absolute
    /// paths, links out) is refused.
    /// </summary>
    public static (string Real, string Relative) Resolve(string workspace, string path)
    {
        var real = WorkspacePaths.Resolve(workspace, path);
        var relative = WorkspacePaths.Display(workspace, real).Replace(Path.DirectorySeparatorChar, '/');
        if (!IsMemoryPath(relative))
        {
            throw new ToolRefusedException($"'{path}' is not a memory file; memory tools only read {LongTerm} and {Folder}/*.md.");
        }
        return (real, relative);
    }
}
