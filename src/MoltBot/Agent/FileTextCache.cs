using System.Collections.Concurrent;

namespace MoltBot.Agent;

/// <summary>
/// File contents re-read only when the file changes (its modification time or length), checked with one <c>stat</c> per
/// read. The bootstrap files go into every system prompt, so without this every turn read them all from disk.
/// </summary>
/// <remarks>A stat, not a file watcher: the state folder may be on a network share (Azure Files), where watchers miss changes.</remarks>
internal sealed class FileTextCache
{
    private readonly ConcurrentDictionary<string, Entry> _files = new(StringComparer.Ordinal);

    /// <summary>The file's text, or null when it does not exist.</summary>
    public string? Read(string path)
    {
        var info = new FileInfo(path);
        if (!info.Exists)
        {
            _files.TryRemove(path, out _);
            return null;
        }
        var (modified, length) = (info.LastWriteTimeUtc, info.Length);
        if (_files.TryGetValue(path, out var cached) && cached.Modified == modified && cached.Length == length)
        {
            return cached.Text;
        }
        var text = File.ReadAllText(path);
        _files[path] = new Entry(modified, length, text);
        return text;
    }

    private sealed record Entry(DateTime Modified, long Length, string Text);
}
