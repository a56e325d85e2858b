namespace MoltBot.Agent.Tools.Files;

/// <summary>
/// Confines file tools to the agent's workspace. A path is resolved the way the kernel would (every symlink on the
/// way, at any depth) and refused when the result leaves the workspace: absolute paths elsewhere, <c>..</c> escapes,
/// symlinks pointing out. What is returned is the real path, so the operation never follows a link the check did not see.
/// </summary>
internal static class WorkspacePaths
{
    private const int MaxLinks = 40;

    /// <summary>The real path of <paramref name="path"/> (relative to the workspace, or absolute inside it); the last parts may not exist yet.</summary>
    public static string Resolve(string workspace, string path)
    {
        if (string.IsNullOrWhiteSpace(path) || path.Contains('\0', StringComparison.Ordinal))
        {
            throw new ToolRefusedException("A path is required (relative to your workspace).");
        }
        var root = RealRoot(workspace);
        var candidate = Path.GetFullPath(Path.IsPathRooted(path) ? path : Path.Combine(root, path));
        var lexicalRoot = Path.GetFullPath(workspace);
        if (!IsInside(candidate, root) && !IsInside(candidate, lexicalRoot))
        {
            throw Outside(path);
        }
        var relative = Path.GetRelativePath(IsInside(candidate, root) ? root : lexicalRoot, candidate);
        var real = root;
        var links = 0;
        var pending = new Stack<string>(relative == "." ? [] : relative.Split(Path.DirectorySeparatorChar).Reverse());
        while (pending.TryPop(out var part))
        {
            if (part is "" or ".")
            {
                continue;
            }
            if (part == "..")
            {
                real = Path.GetDirectoryName(real) ?? real;
                if (!IsInside(real, root))
                {
                    throw Outside(path);
                }
                continue;
            }
            var next = Path.Combine(real, part);
            var info = new FileInfo(next);
            if (info.Exists || Directory.Exists(next))
            {
                if (info.LinkTarget is { } target)
                {
                    if (++links > MaxLinks)
                    {
                        throw new ToolRefusedException($"Too many symbolic links in '{path}'.");
                    }
                    // Continue from the link's target, component by component, like the kernel does.
                    var absolute = Path.IsPathRooted(target) ? Path.GetFullPath(target) : Path.GetFullPath(Path.Combine(real, target));
                    if (!IsInside(absolute, root))
                    {
                        throw Outside(path, linked: true);
                    }
                    foreach (var piece in Path.GetRelativePath(root, absolute).Split(Path.DirectorySeparatorChar).Reverse())
                    {
                        pending.Push(piece);
                    }
                    real = root;
                    continue;
                }
            }
            real = next;
        }
        return real;
    }

    public static bool IsInside(string path, string root) =>
        path == root || path.StartsWith(root.EndsWith(Path.DirectorySeparatorChar) ? root : root + Path.DirectorySeparatorChar, StringComparison.Ordinal);

    /// <summary>The path as the model should see it: relative to the workspace.</summary>
    public static string Display(string workspace, string realPath)
    {
        var relative = Path.GetRelativePath(RealRoot(workspace), realPath);
        return relative == "." ? "." : relative;
    }

    private static string RealRoot(string workspace)
    {
        Directory.CreateDirectory(workspace);
        var full = Path.GetFullPath(workspace);
        // The workspace itself may sit behind a symlink (e.g. /tmp on macOS): compare against its real location.
        var info = new DirectoryInfo(full);
        var target = info.ResolveLinkTarget(returnFinalTarget: true);
        var resolved = target?.FullName ?? full;
        return Path.TrimEndingDirectorySeparator(RealParents(resolved));
    }

    // Resolves links in the workspace's own ancestors (the workspace is trusted; only what is below it is checked).
    private static string RealParents(string path)
    {
        var parent = Path.GetDirectoryName(path);
        if (parent is null)
        {
            return path;
        }
        var realParent = RealParents(parent);
        var combined = Path.Combine(realParent, Path.GetFileName(path));
        return new DirectoryInfo(combined).ResolveLinkTarget(returnFinalTarget: true)?.FullName ?? combined;
    }

    private static ToolRefusedException Outside(string path, bool linked = false) => new(linked
        ? $"'{path}' is a symbolic link that points outside your workspace; file tools only work inside it."
        : $"'{path}' is outside your workspace; file tools only work inside it (use paths relative to the workspace, no '..' out of it).");
}
