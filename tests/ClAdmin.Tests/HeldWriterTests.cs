namespace ClAdmin.Tests;

public sealed class HeldWriterTests
{
    [Fact]
    public void What_is_written_while_the_screens_are_up_is_printed_after_them()
    {
        var stderr = new StringWriter();
        var notices = new HeldWriter(stderr);
        notices.WriteLine("before");
        Assert.Equal("before\n", stderr.ToString());

        notices.Hold();
        notices.WriteLine("cladmin: warning: cannot write /dev/full: No space left on device; going on without it");
        notices.Flush();
        Assert.Equal("before\n", stderr.ToString());

        notices.Release();
        Assert.Equal("before\ncladmin: warning: cannot write /dev/full: No space left on device; going on without it\n", stderr.ToString());
        notices.WriteLine("after");
        Assert.EndsWith("going on without it\nafter\n", stderr.ToString(), StringComparison.Ordinal);
    }
}
