namespace MoltBot.Memory;

/// <summary>
/// Watches a workspace's memory files and calls <c>sync</c> once they have been quiet for <c>debounce</c> (a burst of
/// saves is one re-index). The timer runs on the injected <see cref="TimeProvider"/>. Searches sync anyway, so a
/// missed event (network file systems) only delays the index until the next search.
/// </summary>
internal sealed class MemoryWatcher : IDisposable
{
    private readonly FileSystemWatcher? _watcher;
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
            Directory.CreateDirectory(Path.Combine(_workspace, MemoryFiles.Folder));
            _watcher = new FileSystemWatcher(_workspace)
            {
                IncludeSubdirectories = true,
                NotifyFilter = NotifyFilters.FileName | NotifyFilters.DirectoryName | NotifyFilters.LastWrite | NotifyFilters.Size,
            };
            _watcher.Changed += OnChange;
            _watcher.Created += OnChange;
            _watcher.Deleted += OnChange;
            _watcher.Renamed += OnChange;
            _watcher.EnableRaisingEvents = true;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or PlatformNotSupportedException or ArgumentException)
        {
            // No watcher (e.g. inotify limit reached): searches still sync first.
            _watcher?.Dispose();
            _watcher = null;
        }
    }

    /// <summary>Whether the file system watcher is running (false when the platform refused one).</summary>
    public bool IsWatching => _watcher is not null;

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
        _watcher?.Dispose();
        _timer.Dispose();
        _stopping.Dispose();
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
