using System.Text;
using MetaIssue.Tests.Support;
using static MetaIssue.Tests.Support.Scenario;

namespace MetaIssue.Tests.Rules;

/// <summary>MI900: odd files become a coded warning naming the file, and the rest of the tree is still checked.</summary>
public sealed class UnreadableFileRuleTests
{
    [Fact]
    public void Invalid_utf8_is_reported_and_other_files_are_still_checked()
    {
        using var repository = Healthy();
        repository.WriteBytes(Description, new byte[] { 0x23, 0x20, 0xC3, 0x28, 0x0A });
        repository.Edit(Log, "## Attempt 002: Query Tuning", "## Second");
        var findings = repository.Findings();
        var diagnostic = findings.Single("MI900", Description, line: 1);
        Assert.Contains("not valid UTF-8", diagnostic.Message);
        Assert.Contains("offset 2", diagnostic.Message);
        findings.Single("MI014", Log);
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void A_utf16_file_is_named_as_such(bool withByteOrderMark)
    {
        using var repository = Healthy();
        var bytes = Encoding.Unicode.GetBytes("# Description\n\nWritten by PowerShell.\n");
        repository.WriteBytes(Description, withByteOrderMark ? Encoding.Unicode.GetPreamble().Concat(bytes).ToArray() : bytes);
        Assert.Contains("UTF-16", repository.Findings().Single("MI900", Description).Message);
    }

    [Fact]
    public void A_binary_file_is_reported()
    {
        using var repository = Healthy();
        repository.WriteBytes(Description, new byte[] { 0x89, 0x50, 0x4E, 0x47, 0x00, 0x01 });
        Assert.Contains("NUL byte", repository.Findings().Single("MI900", Description).Message);
    }

    [Fact]
    public void A_file_over_the_size_limit_is_reported_not_parsed()
    {
        using var repository = Healthy();
        repository.Write(Description, "# Big\n\n" + new string('x', 5000));
        var diagnostic = repository.Findings(o => o.MaxFileBytes = 1024).Single("MI900", Description);
        Assert.Contains("is 5 KB, over the 1 KB limit", diagnostic.Message);
    }

    [Fact]
    public void A_file_over_the_checkers_own_ceiling_is_reported_whatever_the_limit_says()
    {
        // Positions are kept in 24 bits (PackedSourceRange), exact for any file up to 8 MiB: a larger limit does not
        // let a larger file in, and the message does not advise raising it.
        using var repository = Healthy();
        repository.Write(Description, "# Big\n\n" + new string('x', 9 * 1024 * 1024));
        var diagnostic = repository.Findings(o => o.MaxFileBytes = 64L * 1024 * 1024).Single("MI900", Description);
        Assert.Contains("is 9 MB, over the 8 MB the checker reads of any file, whatever MetaIssueMaxFileSize says", diagnostic.Message);
        Assert.DoesNotContain("raise", diagnostic.Message);
    }

    [Fact]
    public void Nesting_too_deep_for_the_parser_is_reported()
    {
        using var repository = Healthy();
        repository.Write(Description, string.Concat(Enumerable.Repeat("> ", 10_000)) + "deep\n");
        Assert.Contains("too deeply nested", repository.Findings().Single("MI900", Description).Message);
    }

    [Fact]
    public void A_bom_is_accepted_and_positions_ignore_it()
    {
        using var repository = Healthy();
        var text = repository.Read(Readme).Replace("**Status:** Investigating", "**Status:** Sorta");
        repository.WriteBytes(Readme, Encoding.UTF8.GetPreamble().Concat(Encoding.UTF8.GetBytes(text)).ToArray());
        var diagnostic = repository.Findings().Single("MI010", Readme, line: 3);
        Assert.Equal(13, diagnostic.Range!.Value.Column);
    }

    [Fact]
    public void A_readme_that_is_a_folder_is_reported_as_unreadable_not_missing()
    {
        using var repository = Healthy().Delete(Readme).CreateFolder(Readme);
        var findings = repository.Findings();
        findings.Single("MI900", Readme);
        findings.None("MI001");
    }

    [Fact]
    public void An_unreadable_file_is_reported()
    {
        if (OperatingSystem.IsWindows() || Environment.UserName == "root")
        {
            return; // root reads everything; the end-to-end reliability suite covers this as a normal user where it can
        }

        using var repository = Healthy();
        File.SetUnixFileMode(repository.PathOf(Description), UnixFileMode.None);
        Assert.Contains("cannot be read", repository.Findings().Single("MI900", Description).Message);
    }

    [Fact]
    public void A_folder_link_is_reported_and_not_followed()
    {
        if (OperatingSystem.IsWindows())
        {
            return;
        }

        using var repository = Healthy();
        Directory.CreateSymbolicLink(repository.PathOf($"{Folder}/loop"), repository.PathOf(Folder));
        var diagnostic = repository.Findings().Single("MI900", $"{Folder}/loop");
        Assert.Contains("does not follow folder links", diagnostic.Message);
    }

    [Fact]
    public void A_dangling_file_link_is_reported()
    {
        if (OperatingSystem.IsWindows())
        {
            return;
        }

        using var repository = Healthy();
        File.CreateSymbolicLink(repository.PathOf($"{Folder}/notes.md"), repository.PathOf($"{Folder}/gone.md"));
        repository.Findings().Single("MI900", $"{Folder}/notes.md");
    }

    [Fact]
    public async Task Pipes_and_devices_named_md_never_block_the_check()
    {
        if (OperatingSystem.IsWindows())
        {
            return;
        }

        using var repository = Healthy();
        File.CreateSymbolicLink(repository.PathOf($"{Folder}/zero.md"), "/dev/zero");
        using (var mkfifo = System.Diagnostics.Process.Start("mkfifo", repository.PathOf($"{Folder}/pipe.md")))
        {
            mkfifo.WaitForExit();
        }

        var check = Task.Run(() => repository.Findings());
        var finished = await Task.WhenAny(check, Task.Delay(TimeSpan.FromSeconds(30)));
        Assert.True(finished == check, "the check blocked on a pipe or device");
        var findings = await check;
        Assert.Contains("it is a device", findings.Single("MI900", $"{Folder}/zero.md").Message); // endless: cut at the size limit
        Assert.DoesNotContain(findings.All, d => d.FilePath.EndsWith("pipe.md", StringComparison.Ordinal)); // length 0: read as empty, never opened
    }
}
