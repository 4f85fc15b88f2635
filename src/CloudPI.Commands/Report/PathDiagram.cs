using System.Globalization;
using System.Net;
using System.Text;

namespace CloudPI.Commands.Report;

/// <summary>
/// An attack path drawn as inline SVG, so the HTML report shows it with no script and no network: one box per hop,
/// left to right, wrapping onto further rows, arrows between them; a hop that blocks the path (<c>✗</c>) is drawn red. Pages that hold
/// diagrams carry <see cref="SharedDefinitions"/> and <see cref="Style"/> once.
/// </summary>
internal static class PathDiagram
{
    private const double CharWidth = 7.3;
    private const double BoxHeight = 30;
    private const double Gap = 34;
    private const double RowGap = 26;
    private const double MaxWidth = 1150;

    public static IReadOnlyList<string> Hops(string path) =>
        path.Split('→', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);

    /// <summary>What every diagram of a page shares, emitted once: the arrow head and the styles of hops and edges.</summary>
    public const string SharedDefinitions =
        "<svg width=\"0\" height=\"0\" style=\"position:absolute\" aria-hidden=\"true\"><defs><marker id=\"path-arrow\" viewBox=\"0 0 10 10\" refX=\"9\" refY=\"5\" markerWidth=\"7\" markerHeight=\"7\" orient=\"auto-start-reverse\"><path d=\"M0,0 L10,5 L0,10 z\" fill=\"#555\"/></marker></defs></svg>";

    public const string Style =
        ".path-diagram rect{fill:#eef3fb;stroke:#5b7db1}.path-diagram rect.origin{fill:#fff4e0;stroke:#d68910}.path-diagram rect.blocked{fill:#fde8e8;stroke:#c0392b}"
        + ".path-diagram text{text-anchor:middle;font:12px ui-monospace,Menlo,Consolas,monospace;fill:#222}"
        + ".path-diagram polyline{fill:none;stroke:#555;stroke-width:1.4;marker-end:url(#path-arrow)}";

    public static string Svg(string path)
    {
        var hops = Hops(path);
        var boxes = new List<(double X, double Y, double W, string Label)>();
        double x = 0, y = 0, width = 0;
        foreach (var hop in hops)
        {
            var w = Math.Max(70, (hop.Length * CharWidth) + 20);
            if (x > 0 && x + w > MaxWidth)
            {
                x = 0;
                y += BoxHeight + RowGap;
            }

            boxes.Add((x, y, w, hop));
            width = Math.Max(width, x + w);
            x += w + Gap;
        }

        var height = y + BoxHeight;
        var svg = new StringBuilder();
        svg.Append(Invariant($"<svg class=\"path-diagram\" xmlns=\"http://www.w3.org/2000/svg\" role=\"img\" aria-label=\"{E(path)}\" width=\"{width + 2:0}\" height=\"{height + 2:0}\" viewBox=\"-1 -1 {width + 2:0} {height + 2:0}\">"));
        for (var i = 0; i < boxes.Count; i++)
        {
            var (bx, by, bw, label) = boxes[i];
            if (i > 0)
            {
                var (px, py, pw, _) = boxes[i - 1];
                var points = py == by
                    ? Invariant($"{px + pw:0.#},{py + (BoxHeight / 2):0.#} {bx - 2:0.#},{by + (BoxHeight / 2):0.#}")
                    : Invariant($"{px + (pw / 2):0.#},{py + BoxHeight:0.#} {px + (pw / 2):0.#},{py + BoxHeight + (RowGap / 2):0.#} {bx + (bw / 2):0.#},{py + BoxHeight + (RowGap / 2):0.#} {bx + (bw / 2):0.#},{by - 2:0.#}");
                svg.Append(Invariant($"<polyline points=\"{points}\"/>"));
            }

            var kind = label.Contains('✗', StringComparison.Ordinal) ? " class=\"blocked\"" : i == 0 ? " class=\"origin\"" : string.Empty;
            svg.Append(Invariant($"<rect{kind} x=\"{bx:0.#}\" y=\"{by:0.#}\" width=\"{bw:0.#}\" height=\"{BoxHeight:0.#}\" rx=\"5\"/>"));
            svg.Append(Invariant($"<text x=\"{bx + (bw / 2):0.#}\" y=\"{by + 19:0.#}\">{E(label)}</text>"));
        }

        return svg.Append("</svg>").ToString();
    }

    private static string E(string text) => WebUtility.HtmlEncode(text);

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
