using MoltBot.Agent;
using MoltBot.Tests.Infrastructure;

namespace MoltBot.Tests.Agent;

public sealed class FileTextCacheTests : IDisposable
{
    private readonly TempDirectory _dir = new();

    [Fact]
    public void AnEditedFile_IsReadAgain_EvenWithinTheSameSecond()
    {
        var cache = new FileTextCache();
        var path = _dir.Combine("MEMORY.md");
        File.WriteAllText(path, "likes tea");
        var stamp = File.GetLastWriteTimeUtc(path);
        Assert.Equal("likes tea", cache.Read(path));

        File.WriteAllText(path, "likes coffee now");
        File.SetLastWriteTimeUtc(path, stamp); // same time stamp, different length

        Assert.Equal("likes coffee now", cache.Read(path));
    }

    [Fact]
    public void AnEditOfTheSameLength_IsReadAgain_WhenItsTimeStampMoves()
    {
        var cache = new FileTextCache();
        var path = _dir.Combine("USER.md");
        File.WriteAllText(path, "name: Ann");
        File.SetLastWriteTimeUtc(path, new DateTime(2026, 11, 25, 9, 0, 0, DateTimeKind.Utc));
        Assert.Equal("name: Ann", cache.Read(path));

        File.WriteAllText(path, "name: Bob");
        File.SetLastWriteTimeUtc(path, new DateTime(2026, 11, 25, 9, 0, 1, DateTimeKind.Utc));

        Assert.Equal("name: Bob", cache.Read(path));
    }

    [Fact]
    public void ADeletedFile_ReadsAsMissing_AndARecreatedOneIsRead()
    {
        var cache = new FileTextCache();
        var path = _dir.Combine("SOUL.md");
        File.WriteAllText(path, "calm");
        Assert.Equal("calm", cache.Read(path));

        File.Delete(path);
        Assert.Null(cache.Read(path));
        File.WriteAllText(path, "cheerful");

        Assert.Equal("cheerful", cache.Read(path));
    }

    public void Dispose() => _dir.Dispose();
}
