using System.Diagnostics;
using System.Text;
using ProvisionRisk.Cli;

namespace ProvisionRisk.Tests.Cli;

/// <summary>A failed, cancelled or killed <c>train</c> never writes a model, and never replaces the previous one.</summary>
public sealed class TrainingFailureTests
{
    private const string Header = "id,source,text,overbreadth,missing_safeguards\n";
    private static readonly byte[] PreviousModel = "the previous model"u8.ToArray();

    private static readonly Dictionary<string, (byte[] Content, long Line, string Field)> BadFiles = new()
    {
        ["no-header"] = (Utf8("a,s,some text,yes,no\nb,s,more text,no,no\n"), 1, "id"),
        ["missing-column"] = (Utf8(Header + "a,s,t,yes,no\nb,s,t,yes\n"), 3, "missing_safeguards"),
        ["extra-column"] = (Utf8(Header + "a,s,t,yes,no,x\n"), 2, "#6"),
        ["unknown-label"] = (Utf8(Header + "a,s,t,maybe,no\n"), 2, "overbreadth"),
        ["empty-text"] = (Utf8(Header + "a,s,t,yes,no\nb,s,  ,yes,no\n"), 3, "text"),
        ["duplicate-id"] = (Utf8(Header + "a,s,t,yes,no\na,s,u,no,no\n"), 3, "id"),
        ["unterminated-quote"] = (Utf8(Header + "a,s,\"never closed,yes,no\nb,s,t,no,no\n"), 2, "text"),
        ["byte-order-mark"] = ([.. Encoding.UTF8.GetPreamble(), .. Utf8(Header + "a,s,t,yes,no\n")], 1, "id"),
        ["latin-1"] = ([.. Utf8(Header + "a,s,t,yes,no\n"), .. Encoding.Latin1.GetBytes("b,s,caf\u00e9 law,yes,no\n")], 3, "text"),
    };

    public static TheoryData<string> BadFileNames() => [.. BadFiles.Keys];

    [Theory]
    [MemberData(nameof(BadFileNames))]
    public void Names_file_line_and_field_of_a_bad_training_file_and_keeps_the_previous_model(string name)
    {
        var (content, line, field) = BadFiles[name];
        using var dir = new TempDirectory();
        var data = dir.File(name + ".csv");
        File.WriteAllBytes(data, content);
        var model = dir.File("out.model");
        File.WriteAllBytes(model, PreviousModel);

        var error = new StringWriter();
        var code = CommandLine.Run(["train", "--data", data, "--out", model, "--no-cv"], TextReader.Null, new StringWriter(), error);

        Assert.Equal(1, code);
        Assert.Contains($"{name}.csv:{line}: field '{field}': ", error.ToString(), StringComparison.Ordinal);
        Assert.Contains("no model was written", error.ToString(), StringComparison.Ordinal);
        Assert.Equal(PreviousModel, File.ReadAllBytes(model));
        Assert.Equal(2, Directory.GetFiles(dir.Path).Length);
    }

    [Fact]
    public void A_cancelled_training_writes_no_model_and_keeps_the_previous_one()
    {
        using var dir = new TempDirectory();
        var data = TrainingData(dir);
        var model = dir.File("out.model");
        File.WriteAllBytes(model, PreviousModel);

        // Cancel the moment training starts, as Ctrl-C would.
        using var cancellation = new CancellationTokenSource();
        var error = new NotifyingWriter("labelled provisions", cancellation.Cancel);
        var code = CommandLine.Run(["train", "--data", data, "--out", model], TextReader.Null, new StringWriter(), error, cancellation.Token);

        Assert.Equal(1, code);
        Assert.Contains("training cancelled; no model was written", error.ToString(), StringComparison.Ordinal);
        Assert.Equal(PreviousModel, File.ReadAllBytes(model));
        Assert.Single(Directory.GetFiles(dir.Path));
    }

    [Fact]
    public void Ctrl_c_during_training_exits_1_and_keeps_the_previous_model()
    {
        if (OperatingSystem.IsWindows())
        {
            return;
        }

        using var dir = new TempDirectory();
        var model = dir.File("out.model");
        File.WriteAllBytes(model, PreviousModel);
        using var process = StartTraining(dir, model, out var errors);
        WaitForTrainingToStart(process, errors);
        using (var kill = Process.Start("kill", ["-INT", process.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)]))
        {
            kill.WaitForExit();
        }

        Assert.True(process.WaitForExit(TimeSpan.FromMinutes(2)), "train did not stop after SIGINT");
        process.WaitForExit();
        Assert.Equal(1, process.ExitCode);
        Assert.Contains("training cancelled; no model was written", errors.ToString(), StringComparison.Ordinal);
        Assert.Equal(PreviousModel, File.ReadAllBytes(model));
        Assert.Single(Directory.GetFiles(dir.Path));
    }

    [Fact]
    public void A_crash_during_training_keeps_the_previous_model()
    {
        using var dir = new TempDirectory();
        var model = dir.File("out.model");
        File.WriteAllBytes(model, PreviousModel);
        using var process = StartTraining(dir, model, out var errors);
        WaitForTrainingToStart(process, errors);
        Thread.Sleep(500);
        process.Kill(entireProcessTree: true);
        process.WaitForExit();

        Assert.Equal(PreviousModel, File.ReadAllBytes(model));
    }

    private static Process StartTraining(TempDirectory dir, string model, out StringBuilder errors)
    {
        var data = TrainingData(dir);
        var process = Process.Start(DotNet.StartInfo(dir.Path, DotNet.Cli, "train", "--data", data, "--out", model))!;
        process.StandardInput.Close();
        var collected = new StringBuilder();
        process.ErrorDataReceived += (_, e) =>
        {
            lock (collected)
            {
                collected.AppendLine(e.Data);
            }
        };
        process.OutputDataReceived += (_, _) => { };
        process.BeginErrorReadLine();
        process.BeginOutputReadLine();
        errors = collected;
        return process;
    }

    private static void WaitForTrainingToStart(Process process, StringBuilder errors)
    {
        var clock = Stopwatch.StartNew();
        while (true)
        {
            lock (errors)
            {
                if (errors.ToString().Contains("labelled provisions", StringComparison.Ordinal))
                {
                    return;
                }
            }

            Assert.False(process.HasExited, "train exited before it started: " + errors);
            Assert.True(clock.Elapsed < TimeSpan.FromMinutes(1), "train did not start: " + errors);
            Thread.Sleep(20);
        }
    }

    private static string TrainingData(TempDirectory dir)
    {
        var data = Directory.CreateDirectory(dir.File("data")).FullName;
        foreach (var s in new[] { "budapest-ets185", "rwanda-cybercrimes-law-60-2018", "us-cfaa-18usc1030", "qatar-cybercrime-law-14-2014" })
        {
            File.Copy(Path.Combine(RepoPaths.TrainingData, s + ".csv"), Path.Combine(data, s + ".csv"));
        }

        return data;
    }

    private static byte[] Utf8(string s) => Encoding.UTF8.GetBytes(s);

    /// <summary>Standard error that calls back when a line containing <paramref name="trigger"/> is written.</summary>
    private sealed class NotifyingWriter(string trigger, Action onTrigger) : StringWriter
    {
        public override void WriteLine(string? value)
        {
            base.WriteLine(value);
            if (value?.Contains(trigger, StringComparison.Ordinal) == true)
            {
                onTrigger();
            }
        }
    }
}
