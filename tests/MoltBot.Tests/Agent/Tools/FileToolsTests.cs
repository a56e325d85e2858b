using System.Diagnostics;
using System.Text.Json.Nodes;

namespace MoltBot.Tests.Agent.Tools;

/// <summary>The file tools through a real gateway: every way out of the workspace is tried and must be refused.</summary>
public sealed class FileToolsTests : IAsyncLifetime
{
    private ToolGateway _tools = null!;
    private string _outside = null!;

    public async ValueTask InitializeAsync()
    {
        _tools = await ToolGateway.StartAsync();
        _outside = _tools.State.Combine("outside");
        Directory.CreateDirectory(_outside);
        File.WriteAllText(Path.Combine(_outside, "secret.txt"), "TOP-SECRET-OUTSIDE");
    }

    public async ValueTask DisposeAsync() => await _tools.DisposeAsync();

    private static string Args(params (string Name, JsonNode? Value)[] values)
    {
        var json = new JsonObject();
        foreach (var (name, value) in values)
        {
            json[name] = value;
        }
        return json.ToJsonString();
    }

    private Task<string> ReadAsync(string path) => _tools.CallAsync("read", Args(("path", path)));

    [Fact]
    public async Task Write_ThenRead_RoundTripsInsideTheWorkspace_CreatingFolders_AndMarksContentUntrusted()
    {
        var written = await _tools.CallAsync("write", Args(("path", "notes/deep/a.txt"), ("content", "line1\nline2\nline3\n")));
        var read = await _tools.CallAsync("read", Args(("path", "notes/deep/a.txt"), ("offset", 2), ("limit", 1)));

        Assert.Contains("Wrote 18 bytes to notes/deep/a.txt", written, StringComparison.Ordinal);
        Assert.Equal("line1\nline2\nline3\n", File.ReadAllText(Path.Combine(_tools.Workspace, "notes", "deep", "a.txt")));
        Assert.Contains("<untrusted source=\"file:notes/deep/a.txt\">\nline2\n</untrusted>", read, StringComparison.Ordinal);
        Assert.Contains("more follows: read again with offset 3", read, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("../outside/secret.txt")]
    [InlineData("notes/../../outside/secret.txt")]
    [InlineData("/etc/passwd")]
    public async Task Read_OutsideTheWorkspace_IsRefused(string path)
    {
        var result = await ReadAsync(path);

        Assert.Contains("outside your workspace", result, StringComparison.Ordinal);
        Assert.DoesNotContain("TOP-SECRET", result, StringComparison.Ordinal);
        Assert.DoesNotContain("root:", result, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Read_AbsolutePathOutside_ByItsFullName_IsRefused()
    {
        var result = await ReadAsync(Path.Combine(_outside, "secret.txt"));

        Assert.Contains("outside your workspace", result, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Symlinks_PointingOut_AreRefused_AtAnyComponent_ForEveryTool()
    {
        Directory.CreateSymbolicLink(Path.Combine(_tools.Workspace, "escape-dir"), _outside);
        File.CreateSymbolicLink(Path.Combine(_tools.Workspace, "escape-file"), Path.Combine(_outside, "secret.txt"));
        Directory.CreateDirectory(Path.Combine(_tools.Workspace, "a"));
        // a chain: a/hop -> ../escape-dir -> outside
        Directory.CreateSymbolicLink(Path.Combine(_tools.Workspace, "a", "hop"), "../escape-dir");

        Assert.Contains("points outside your workspace", await ReadAsync("escape-dir/secret.txt"), StringComparison.Ordinal);
        Assert.Contains("points outside your workspace", await ReadAsync("escape-file"), StringComparison.Ordinal);
        Assert.Contains("points outside your workspace", await ReadAsync("a/hop/secret.txt"), StringComparison.Ordinal);
        Assert.Contains("points outside your workspace", await _tools.CallAsync("write", Args(("path", "escape-dir/new.txt"), ("content", "x"))), StringComparison.Ordinal);
        Assert.Contains("points outside your workspace", await _tools.CallAsync("edit", Args(("path", "escape-file"), ("oldText", "TOP"), ("newText", "PWNED"))), StringComparison.Ordinal);
        Assert.Contains("points outside your workspace", await _tools.CallAsync("list", Args(("path", "a/hop"))), StringComparison.Ordinal);

        Assert.False(File.Exists(Path.Combine(_outside, "new.txt")));
        Assert.Equal("TOP-SECRET-OUTSIDE", File.ReadAllText(Path.Combine(_outside, "secret.txt")));
    }

    [Fact]
    public async Task Symlink_InsideTheWorkspace_IsFollowed()
    {
        File.WriteAllText(Path.Combine(_tools.Workspace, "real.txt"), "inside");
        File.CreateSymbolicLink(Path.Combine(_tools.Workspace, "alias.txt"), "real.txt");

        Assert.Contains("inside", await ReadAsync("alias.txt"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Fifo_IsRefused_WithoutBlocking()
    {
        var fifo = Path.Combine(_tools.Workspace, "pipe");
        using (var mkfifo = Process.Start("mkfifo", [fifo]))
        {
            await mkfifo.WaitForExitAsync(TestContext.Current.CancellationToken);
        }

        Assert.Contains("not a regular file", await ReadAsync("pipe"), StringComparison.Ordinal);
        Assert.Contains("not a regular file", await _tools.CallAsync("write", Args(("path", "pipe"), ("content", "x"))), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Edit_RequiresAUniqueExactMatch_UnlessReplaceAll()
    {
        var file = Path.Combine(_tools.Workspace, "e.txt");
        File.WriteAllText(file, "a-b-a");

        Assert.Contains("was not found", await _tools.CallAsync("edit", Args(("path", "e.txt"), ("oldText", "zzz"), ("newText", "y"))), StringComparison.Ordinal);
        Assert.Contains("occurs 2 times", await _tools.CallAsync("edit", Args(("path", "e.txt"), ("oldText", "a"), ("newText", "y"))), StringComparison.Ordinal);
        Assert.Equal("a-b-a", File.ReadAllText(file));
        Assert.Contains("Replaced 1 occurrence", await _tools.CallAsync("edit", Args(("path", "e.txt"), ("oldText", "b"), ("newText", "B"))), StringComparison.Ordinal);
        Assert.Contains("Replaced 2 occurrence", await _tools.CallAsync("edit", Args(("path", "e.txt"), ("oldText", "a"), ("newText", "y"), ("replaceAll", true))), StringComparison.Ordinal);
        Assert.Equal("y-B-y", File.ReadAllText(file));
    }

    [Fact]
    public async Task List_ShowsFoldersAndLinks_ToTheRequestedDepth_WithoutFollowingLinks()
    {
        Directory.CreateDirectory(Path.Combine(_tools.Workspace, "d1", "d2"));
        File.WriteAllText(Path.Combine(_tools.Workspace, "d1", "d2", "deep.txt"), "x");
        Directory.CreateSymbolicLink(Path.Combine(_tools.Workspace, "d1", "out"), _outside);

        var shallow = await _tools.CallAsync("list", Args(("path", "d1")));
        var deep = await _tools.CallAsync("list", Args(("path", "d1"), ("depth", 3)));

        Assert.Contains("d2/\n", shallow, StringComparison.Ordinal);
        Assert.Contains("out@\n", shallow, StringComparison.Ordinal);
        Assert.DoesNotContain("deep.txt", shallow, StringComparison.Ordinal);
        Assert.Contains("d2/deep.txt\n", deep, StringComparison.Ordinal);
        Assert.DoesNotContain("secret.txt", deep, StringComparison.Ordinal);
    }
}
