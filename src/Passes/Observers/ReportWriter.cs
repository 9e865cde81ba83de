using System.Text.Json;

namespace Tapline.Passes.Observers;

/// <summary>
/// Writes a <see cref="PipelineReport"/> as JSON (`--report FILE`): times in milliseconds,
/// each pass with its output's size and unit (its first count) and every count by unit.
/// </summary>
public static class ReportWriter
{
    public const int SchemaVersion = 1;

    public static void Write(PipelineReport report, Stream stream)
    {
        var options = new JsonWriterOptions { Indented = true, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };
        using var json = new Utf8JsonWriter(stream, options);
        json.WriteStartObject();
        json.WriteNumber("schema", SchemaVersion);
        json.WriteString("tool", "tapline");
        json.WriteString("version", report.Version);
        json.WriteString("script", report.Script);
        json.WriteBoolean("succeeded", report.Succeeded);
        WriteMachine(json, report.Machine);
        json.WriteNumber("setupMs", Milliseconds(report.Setup));
        json.WriteNumber("pipelineMs", Milliseconds(report.Pipeline));
        json.WriteStartArray("passes");
        foreach (var pass in report.Passes)
            WritePass(json, pass);
        json.WriteEndArray();
        json.WriteEndObject();
    }

    private static void WriteMachine(Utf8JsonWriter json, MachineDescription machine)
    {
        json.WriteStartObject("machine");
        json.WriteString("hostName", machine.HostName);
        json.WriteString("operatingSystem", machine.OperatingSystem);
        json.WriteString("kernelRelease", machine.KernelRelease);
        json.WriteString("architecture", machine.Architecture);
        json.WriteNumber("processors", machine.Processors);
        json.WriteNumber("memoryBytes", machine.MemoryBytes);
        json.WriteString("runtime", machine.Runtime);
        json.WriteEndObject();
    }

    private static void WritePass(Utf8JsonWriter json, PassMeasurement pass)
    {
        json.WriteStartObject();
        json.WriteNumber("number", pass.Pass.Number);
        json.WriteString("name", pass.Pass.Name);
        json.WriteString("summary", pass.Summary);
        json.WriteNumber("wallMs", Milliseconds(pass.WallTime));
        json.WriteNumber("cpuMs", Milliseconds(pass.CpuTime));
        json.WriteNumber("allocatedBytes", pass.AllocatedBytes);
        if (pass.Counts.Count > 0)
        {
            json.WriteNumber("outputSize", pass.Counts[0].Value);
            json.WriteString("outputUnit", pass.Counts[0].Unit);
        }
        json.WriteStartObject("counts");
        foreach (var count in pass.Counts)
            json.WriteNumber(count.Unit, count.Value);
        json.WriteEndObject();
        json.WriteEndObject();
    }

    private static double Milliseconds(TimeSpan time) => Math.Round(time.TotalMilliseconds, 3);
}
