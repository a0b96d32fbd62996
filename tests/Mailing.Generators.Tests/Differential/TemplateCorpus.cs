namespace Mailing.Generators.Tests.Differential;

/// <summary>
/// Templates covering every construct the generator compiles. Each is rendered by the generated
/// code and by Scriban's own runtime on the same data; the outputs must be equal.
/// </summary>
internal static class TemplateCorpus
{
    public static readonly (string Name, string Template)[] Templates =
    [
        ("Text", "Hello, world.\nNothing to bind here.\n"),
        ("Members", "Order {{ number }} for {{ customer.first_name }} {{ customer.last_name }}."),
        ("NestedNullable", "Ship to {{ shipping_address.street }}, {{ shipping_address.city }} [{{ shipping_address.region }}]"),
        ("NullSafeChain", "[{{ customer.nickname }}][{{ message }}][{{ optional_count }}][{{ confirmed }}]"),
        ("Numbers", "{{ count }} {{ big_number }} {{ total }} {{ discount }} {{ ratio }} {{ customer.loyalty_points }}"),
        ("Booleans", "{{ is_gift }} {{ customer.is_vip }} {{ !is_gift }}"),
        ("Enum", "Status: {{ status }}{{ if status == \"Shipped\" }} (on its way){{ end }}"),
        ("DateDefault", "Placed {{ placed_at }}, shipped {{ shipped_at }}"),
        ("DateFormats", "{{ placed_at | date.to_string \"%Y-%m-%d %H:%M:%S\" }} {{ placed_at | date.to_string \"%a %A %b %B %e %I %p %y %j\" }} {{ placed_at | date.to_string \"%F %T %D %R %k %l %L %%\" }}"),
        ("DateMembers", "{{ placed_at.year }}/{{ placed_at.month }}/{{ placed_at.day }}"),
        ("Loop", "{{ for item in items }}{{ item.quantity }} x {{ item.name }} @ {{ item.price }}\n{{ end }}"),
        ("LoopVariables", "{{ for tag in tags }}{{ for.index }}:{{ tag }}{{ if for.first }}(first){{ end }}{{ if for.last }}(last){{ end }}{{ if !for.last }}, {{ end }}{{ end }}"),
        ("NestedLoops", "{{ for item in items }}{{ for s in scores }}{{ item.quantity * s }} {{ end }}|{{ end }}"),
        ("LoopParameters", "{{ for s in scores limit:2 }}{{ s }}{{ end }}|{{ for s in scores offset:1 }}{{ s }}{{ end }}|{{ for s in scores reversed }}{{ s }}{{ end }}|{{ for s in scores offset:1 limit:1 }}{{ s }}{{ end }}|{{ for s in scores reversed limit:2 }}{{ s }}{{ for.index }}{{ end }}|{{ for s in scores limit:0 }}{{ s }}{{ end }}|{{ for t in tags reversed offset:1 }}{{ t }}{{ if for.last }}.{{ end }}{{ end }}|{{ for s in scores limit:count }}{{ s }}{{ end }}"),
        ("NullableValues", "{{ optional_count + 1 }}|{{ discount * 2 }}|{{ optional_count > 3 }}|{{ discount == 12.5 }}|{{ confirmed == true }}|{{ shipped_at == null }}|{{ optional_count == null }}|{{ customer.nickname + \"!\" }}"),
        ("LoopElse", "{{ for s in scores }}{{ s }}{{ else }}none{{ end }}"),
        ("Range", "{{ for i in 1..4 }}{{ i }}{{ end }} {{ for i in 3..1 }}{{ i }}{{ end }}"),
        ("BreakContinue", "{{ for s in scores }}{{ if s == 1 }}{{ continue }}{{ end }}{{ if s == 4 }}{{ break }}{{ end }}{{ s }}{{ end }}"),
        ("IfElse", "{{ if count > 10 }}many{{ else if count > 5 }}some{{ else }}few{{ end }} {{ if message }}msg{{ else }}no msg{{ end }} {{ if optional_count == null }}unset{{ end }}"),
        ("Truthiness", "{{ if 0 }}zero{{ end }} {{ if \"\" }}empty{{ end }} {{ if confirmed }}c{{ else }}not c{{ end }} {{ if customer }}cust{{ end }}"),
        ("Case", "{{ case count }}{{ when 1, 2 }}small{{ when 7 }}seven{{ else }}other{{ end }} {{ case status }}{{ when \"Pending\" }}p{{ when \"Shipped\" }}s{{ end }}"),
        ("Capture", "{{ capture greeting }}Dear {{ customer.first_name }}{{ end }}[{{ greeting }}] [{{ greeting | string.upcase }}]"),
        ("Arithmetic", "{{ count + 1 }} {{ count - 10 }} {{ count * 3 }} {{ count / 2 }} {{ count // 2 }} {{ count % 3 }} {{ total * 2 }} {{ total / 4 }} {{ ratio * 3 }} {{ count + 0.5 }} {{ big_number * 1000 }}"),
        ("Comparisons", "{{ count == 7 }} {{ count != 7 }} {{ total > 1000 }} {{ ratio <= 0.1 }} {{ number == \"A-1001\" }} {{ \"a\" < \"b\" }} {{ customer.is_vip == true }} {{ message == null }}"),
        ("Concatenation", "{{ customer.first_name + \" \" + customer.last_name }} {{ \"#\" + count }} {{ number + \"/\" + total }}"),
        ("WhitespaceControl", "<ul>\n  {{~ for tag in tags ~}}\n  <li>{{ tag }}</li>\n  {{~ end ~}}\n</ul>\n{{- count -}}\n!"),
        ("Comments", "a{{# a comment }}b{{ ## another\ncomment ## }}c"),
        ("StringFunctions", "{{ customer.first_name | string.upcase }} {{ customer.last_name | string.downcase }} {{ \"hello world\" | string.capitalize }} {{ \"hello world\" | string.truncate 8 }} {{ \"hello world\" | string.truncate 5 \"!\" }} {{ \"a-b-c\" | string.replace \"-\" \"+\" }} [{{ \"  x  \" | string.strip }}] {{ number | string.size }} {{ number.size }}"),
        ("FunctionCallSyntax", "{{ string.upcase customer.first_name }} {{ string.append number \"!\" }} {{ string.prepend number \"#\" }}"),
        ("MathFormat", "{{ total | math.format \"N2\" }} {{ count | math.format \"000\" }} {{ ratio | math.format \"P0\" }} {{ discount | math.format \"0.0\" }} {{ total | math.round }} {{ ratio | math.round 1 }}"),
        ("Arrays", "{{ items | array.size }} {{ tags.size }} {{ tags | array.first }} {{ tags | array.last }} {{ scores | array.join \", \" }} {{ tags | array.join \"/\" }} {{ (items | array.first).name }}"),
        ("Defaults", "{{ message | object.default \"(none)\" }} {{ customer.nickname ?? \"friend\" }} {{ optional_count ?? 0 }} {{ number | object.default \"x\" }}"),
        ("Conditional", "{{ is_gift ? \"gift\" : \"not a gift\" }} {{ count > 100 ? 1 : 2 }}"),
        ("Locals", "{{ subtotal = 0 }}{{ for item in items }}{{ subtotal = subtotal + item.price * item.quantity }}{{ end }}{{ subtotal }} {{ $label = \"Total\" }}{{ $label }}: {{ subtotal | math.format \"N2\" }}"),
        ("Html", "<table>\n{{ for item in items }}  <tr class=\"{{ if for.index % 2 == 0 }}even{{ else }}odd{{ end }}\"><td title=\"{{ item.name }}\">{{ item.name }}</td><td>{{ item.note ?? \"-\" }}</td></tr>\n{{ end }}</table>"),
        ("Partial", "<h1>{{ number }}</h1>\n{{ include 'line_item' }}\n{{ for item in items }}{{ include 'item_row' }}{{ end }}"),
        ("Raw", "<p>{{ \"<b>bold</b>\" | html.raw }}</p>"),
        ("HtmlEscapeFunction", "{{ \"<i>\" | html.escape }}"),
        ("IndentedPartial", "<div>\n  {{ include 'multi' }}\n</div>\n{{ for s in scores }}\n    {{ include 'multi' }}\n{{ end }}|{{ include 'multi' }}|"),
        ("AutoIndentBlocks", "<ul>\n  {{ for tag in tags }}\n  <li>{{ tag }}</li>\n\n  {{ end }}\n</ul>\n    {{ capture c }}\nA\n\nB\n{{ end }}[{{ c }}]\n  {{ if is_gift }}    {{ number }}\n  {{ end }}|\n  {{ case count }}{{ when 7 }}\nX\nY{{ end }}|"),
        ("AutoIndentValues", "a\n  {{ notes }}\n  {{ notes }}{{ notes }}|\n\t {{ notes }}x\n  {{ for s in scores }}{{ notes }}{{ end }}|\n  {{ if is_gift }}\n{{ notes }}\n    {{ notes }}\n  {{ end }}|\n  {{ notes ~}}\n  {{ notes -}}\n  {{ notes }}|"),
        ("Indexers", "{{ items[0].name }}|{{ items[-1].name }}|{{ items[items.size - 1].quantity }}|{{ items[3].name }}|{{ items[-4].name }}|{{ items[count].name }}|{{ items[count - 10].price }}|{{ backorders[0].name }}|{{ scores[-1] }}|{{ scores[-10] }}|{{ if scores.size > 1 }}{{ scores[1] * 2 }}{{ end }}|{{ if tags.size > 0 }}{{ tags[0] | string.upcase }}{{ tags[-tags.size] }}{{ end }}|{{ labels[1] }}|{{ labels[5] }}|{{ labels[-5] }}|{{ if items[5] == null }}none{{ end }}|{{ (items | array.first).name == items[0].name }}|{{ adjustments[0] }}|{{ adjustments[1] ?? \"none\" }}|{{ adjustments[-1] * 2 }}|{{ adjustments[7] == null }}"),
        ("TextIndexers", "{{ if number.size > 0 }}{{ number[0] }}{{ number[-1] }}{{ number[0] == \"A\" }}{{ number[0] + \"!\" }}{{ end }}|{{ number[-100] }}|{{ customer.nickname[0] }}|{{ customer.first_name[0] | string.downcase }}|{{ if message }}{{ message[-1] }}{{ end }}"),
        ("Dictionaries", "{{ metadata[\"plan\"] }}|{{ metadata[\"PLAN\"] }}|{{ metadata.region }}|{{ metadata[\"missing\"] }}|{{ metadata[\"empty\"] ?? \"-\" }}|{{ metadata.empty == null }}|{{ quotas[\"seats\"] }}|{{ quotas.size }}|{{ quotas[\"nope\"] == null }}|{{ quotas.seats + 1 }}|{{ quotas.missing }}|{{ quotas.missing == null }}|{{ metadata.missing == null }}|{{ metadata[customer.first_name] }}|{{ metadata[\"plan\"] | string.upcase }}|{{ items_by_sku[\"W-1\"].name }}|{{ items_by_sku[\"w-1\"].name }}|{{ items_by_sku[number].quantity }}|{{ items_by_sku.nope.name }}"),
        ("LoopLengthAndChanged", "{{ for s in scores }}{{ for.index }}/{{ for.rindex }}/{{ for.length }}{{ if for.changed }}*{{ end }} {{ end }}|{{ for t in tags offset:1 limit:1 }}{{ for.length }}{{ for.rindex }}{{ end }}|{{ for t in tags reversed }}{{ t }}{{ for.rindex }}{{ for.changed }}{{ end }}|{{ for i in 1..count }}{{ for.length }}{{ break }}{{ end }}|{{ for item in items }}{{ for s in scores limit:2 }}{{ for.length }}{{ end }}:{{ for.length }}{{ for.changed }} {{ end }}|{{ for b in backorders }}{{ for.length }}{{ b.name }}{{ else }}no backorders{{ end }}|{{ for s in scores }}{{ if for.index == 0 }}{{ continue }}{{ end }}{{ for.changed }}{{ end }}|{{ for a in adjustments }}{{ a }}{{ if for.changed }}*{{ end }}{{ for.rindex }} {{ end }}"),
        ("StringTests", "{{ number | string.contains \"-\" }} {{ number | string.starts_with \"A\" }} {{ number | string.ends_with \"1\" }} {{ message | string.contains \"a\" }} {{ \"\" | string.contains \"\" }} {{ number | string.starts_with \"\" }} {{ total | string.contains \",\" }} {{ if customer.first_name | string.starts_with \"An\" }}hi Ann{{ end }} {{ message | string.empty }} {{ notes | string.whitespace }} {{ \" \" | string.whitespace }} {{ customer.nickname | string.empty }} {{ count | string.starts_with \"-\" }} {{ \"a\\u00ADb\" | string.starts_with \"ab\" }} {{ \"\\u00C5\" | string.ends_with \"A\\u030A\" }} {{ \"\\u00C5\" | string.contains \"A\\u030A\" }} {{ \"\\u00A0\" | string.whitespace }}"),
        ("StringFormatting", "{{ count | string.pluralize \"item\" \"items\" }} {{ optional_count | string.pluralize \"day\" \"days\" }} {{ items.size | string.pluralize \"line\" \"lines\" }} [{{ number | string.pad_left 12 }}] [{{ number | string.pad_right 12 }}] [{{ message | string.pad_left 3 }}] [{{ \"  a b  \" | string.lstrip }}] [{{ \"  a b  \" | string.rstrip }}] [{{ notes | string.rstrip }}] [{{ message | string.lstrip }}] {{ number | string.slice 1 }} {{ number | string.slice 1 2 }} {{ number | string.slice (-2) }} {{ number | string.slice (-10) 3 }} {{ number | string.slice 10 }} {{ number | string.slice1 0 }} {{ number | string.slice1 (-1) }} {{ number | string.slice1 2 3 }} {{ message | string.slice 2 }} {{ string.slice \"hello\" 1 optional_count }} {{ string.slice1 \"hello\" 1 optional_count }}"),
        ("MathFunctions", "{{ ratio | math.floor }} {{ ratio | math.ceil }} {{ total | math.floor }} {{ total | math.ceil }} {{ discount | math.ceil }} {{ optional_count | math.floor }} {{ count | math.abs }} {{ (count - 10) | math.abs }} {{ discount | math.abs }} {{ (0 - total) | math.abs }} {{ optional_count | math.abs }} {{ -0.5 | math.ceil }} {{ count | math.plus 1 }} {{ count | math.minus 0.5 }} {{ total | math.times 2 }} {{ ratio | math.times count }} {{ count | math.modulo 3 }} {{ optional_count | math.plus 1 }} {{ number | math.plus count }} {{ big_number | math.floor }}"),
    ];

    /// <summary>
    /// Templates Scriban fails to render on the standard data (with the standard data they go past
    /// the end of an array or a text, index with null or beyond 32 bits): the compiled render must
    /// fail too rather than write something Scriban never would.
    /// </summary>
    public static readonly (string Name, string Template)[] Failing =
    [
        ("ArrayPastTheEnd", "{{ scores[3] }}"),
        ("TextPastTheEnd", "{{ number[20] }}"),
        ("NullPosition", "{{ items[optional_count].name }}"),
        ("NullKey", "{{ metadata[message] }}"),
        ("PositionBeyond32Bits", "{{ items[big_number].name }}"),
        ("NegativeSliceLength", "{{ number | string.slice 1 (-1) }}"),
        ("PadToNegativeWidth", "{{ number | string.pad_left (-1) }}"),
        ("PluralizeBeyond32Bits", "{{ big_number | string.pluralize \"a\" \"b\" }}"),
    ];

    /// <summary>Partials, resolved beside the including template (<c>name</c>, <c>name.ext</c>, <c>_name.ext</c>).</summary>
    public static readonly (string Name, string Template)[] Partials =
    [
        ("_line_item", "<p>Customer: {{ customer.first_name }}</p>"),
        ("_item_row", "<li>{{ item.name }} ({{ for.index }})</li>\n"),
        ("_multi", "x\ny{{ notes }}\n  {{ notes }}\n  {{ if is_gift }}\ng\n  {{ end }}\n"),
    ];
}
