namespace MoltBot.Memory;

/// <summary>
/// Watches a workspace's memory files and calls <c>sync</c> once they have been quiet for <c>debounce</c> (a burst of
/// saves is one re-index). The timer runs on the injected <see cref="TimeProvider"/>. Searches sync anyway, so a
/// missed event (network file systems) only delays the index until the next search.
/// </summary>
internal sealed class MemoryWatcher : IDisposable
{
    private readonly List<FileSystemWatcher> _watchers = [];
    private readonly ITimer _timer;
    private readonly TimeSpan _debounce;
    private readonly string _workspace;
    private readonly CancellationTokenSource _stopping = new();
    private int _pokes;

    public MemoryWatcher(string workspace, TimeSpan debounce, TimeProvider time, Func<CancellationToken, Task> sync)
    {
        _workspace = Path.GetFullPath(workspace);
        _debounce = debounce;
        _timer = time.CreateTimer(_ => Fire(sync), null, Timeout.InfiniteTimeSpan, Timeout.InfiniteTimeSpan);
        try
        {
            // Two narrow watchers, not one over the whole workspace (which may hold large repositories):
            // memory/ and below, and MEMORY.md in the root.
            Directory.CreateDirectory(Path.Combine(_workspace, MemoryFiles.Folder));
            _watchers.Add(Watch(new FileSystemWatcher(Path.Combine(_workspace, MemoryFiles.Folder)) { IncludeSubdirectories = true }));
            _watchers.Add(Watch(new FileSystemWatcher(_workspace, MemoryFiles.LongTerm)));
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or PlatformNotSupportedException or ArgumentException)
        {
            // No watcher (e.g. inotify limit reached): searches still sync first.
            foreach (var watcher in _watchers)
            {
                watcher.Dispose();
            }
            _watchers.Clear();
        }
    }

    /// <summary>Whether the file system watcher is running (false when the platform refused one).</summary>
    public bool IsWatching => _watchers.Count > 0;

    /// <summary>Relevant file events seen so far.</summary>
    public int Pokes => Volatile.Read(ref _pokes);

    /// <summary>(Re)starts the quiet period; the sync runs when it ends.</summary>
    public void Poke()
    {
        Interlocked.Increment(ref _pokes);
        _timer.Change(_debounce, Timeout.InfiniteTimeSpan);
    }

    public void Dispose()
    {
        _stopping.Cancel();
        foreach (var watcher in _watchers)
        {
            watcher.Dispose();
        }
        _timer.Dispose();
        _stopping.Dispose();
    }

    private FileSystemWatcher Watch(FileSystemWatcher watcher)
    {
        watcher.NotifyFilter = NotifyFilters.FileName | NotifyFilters.DirectoryName | NotifyFilters.LastWrite | NotifyFilters.Size;
        watcher.Changed += OnChange;
        watcher.Created += OnChange;
        watcher.Deleted += OnChange;
        watcher.Renamed += OnChange;
        watcher.EnableRaisingEvents = true;
        return watcher;
    }

    private void Fire(Func<CancellationToken, Task> sync)
    {
        try
        {
            _ = sync(_stopping.Token);
        }
        catch (ObjectDisposedException)
        {
            // Stopped between the timer firing and now.
        }
    }

    private void OnChange(object sender, FileSystemEventArgs e)
    {
        var relative = Path.GetRelativePath(_workspace, e.FullPath).Replace(Path.DirectorySeparatorChar, '/');
        var old = e is RenamedEventArgs renamed ? Path.GetRelativePath(_workspace, renamed.OldFullPath).Replace(Path.DirectorySeparatorChar, '/') : null;
        if (Relevant(relative) || (old is not null && Relevant(old)))
        {
            try
            {
                Poke();
            }
            catch (ObjectDisposedException)
            {
                // Stopping.
            }
        }
    }

    private static bool Relevant(string relative) =>
        MemoryFiles.IsMemoryPath(relative) || relative == MemoryFiles.Folder || relative.StartsWith(MemoryFiles.Folder + "/", StringComparison.Ordinal);
}
