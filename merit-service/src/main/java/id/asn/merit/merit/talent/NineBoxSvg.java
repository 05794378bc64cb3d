package id.asn.merit.merit.talent;

import id.asn.merit.merit.talent.TalentViews.Box;
import id.asn.merit.merit.talent.TalentViews.NineBox;

import java.util.List;

/**
 * The 9-box as a picture (SVG 1.1): performance rows HIGH at the top to LOW at the bottom, potential columns LOW to
 * HIGH, each cell with its box number (SYSTEM.md §6.4) and head count, the axis labels and a title naming the unit and
 * year. Text is XML-escaped, so a unit name can never break the document.
 */
public final class NineBoxSvg {
    public static final String MEDIA_TYPE = "image/svg+xml";
    private static final List<String> ROWS = List.of("HIGH", "MEDIUM", "LOW");
    private static final List<String> COLUMNS = List.of("LOW", "MEDIUM", "HIGH");
    private static final int LEFT = 120;
    private static final int TOP = 70;
    private static final int CELL_W = 140;
    private static final int CELL_H = 110;
    private static final int WIDTH = LEFT + 3 * CELL_W + 30;
    private static final int HEIGHT = TOP + 3 * CELL_H + 80;

    private NineBoxSvg() {
    }

    /** @param unitLabel how the unit is named in the title (e.g. "Dinas Kesehatan (DINKES)"), or null for everyone */
    public static String render(NineBox nineBox, String unitLabel) {
        String title = "9-box " + nineBox.year() + ": " + (unitLabel == null ? "all units" : unitLabel)
                + (unitLabel != null && nineBox.subtree() ? " and below" : "");
        StringBuilder svg = new StringBuilder(4096);
        svg.append("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n")
                .append("<svg xmlns=\"http://www.w3.org/2000/svg\" version=\"1.1\" width=\"").append(WIDTH).append("\" height=\"").append(HEIGHT)
                .append("\" viewBox=\"0 0 ").append(WIDTH).append(' ').append(HEIGHT).append("\" font-family=\"sans-serif\">\n")
                .append("  <title>").append(escape(title)).append("</title>\n")
                .append("  <text x=\"").append(WIDTH / 2).append("\" y=\"30\" text-anchor=\"middle\" font-size=\"18\" font-weight=\"bold\">")
                .append(escape(title)).append("</text>\n")
                .append("  <text x=\"").append(WIDTH / 2).append("\" y=\"52\" text-anchor=\"middle\" font-size=\"12\">")
                .append(escape(nineBox.total() + " profiles, " + nineBox.unplaced() + " without a box; cut-offs high "
                        + plain(nineBox.cutoffs().high()) + ", medium " + plain(nineBox.cutoffs().medium()) + "; policy version "
                        + nineBox.policyVersion())).append("</text>\n");
        for (Box box : nineBox.boxes()) {
            int row = ROWS.indexOf(box.performanceAxis());
            int column = COLUMNS.indexOf(box.potentialAxis());
            int x = LEFT + column * CELL_W;
            int y = TOP + row * CELL_H;
            svg.append("  <g id=\"box-").append(box.box()).append("\">\n")
                    .append("    <rect x=\"").append(x).append("\" y=\"").append(y).append("\" width=\"").append(CELL_W).append("\" height=\"")
                    .append(CELL_H).append("\" fill=\"").append(fill(row, column)).append("\" stroke=\"#333333\"/>\n")
                    .append("    <text x=\"").append(x + 10).append("\" y=\"").append(y + 22).append("\" font-size=\"13\">Box ")
                    .append(box.box()).append("</text>\n")
                    .append("    <text class=\"count\" x=\"").append(x + CELL_W / 2).append("\" y=\"").append(y + CELL_H / 2 + 14)
                    .append("\" text-anchor=\"middle\" font-size=\"32\" font-weight=\"bold\">").append(box.count()).append("</text>\n")
                    .append("  </g>\n");
        }
        for (int row = 0; row < 3; row++) {
            svg.append("  <text x=\"").append(LEFT - 10).append("\" y=\"").append(TOP + row * CELL_H + CELL_H / 2 + 4)
                    .append("\" text-anchor=\"end\" font-size=\"12\">").append(ROWS.get(row)).append("</text>\n");
        }
        for (int column = 0; column < 3; column++) {
            svg.append("  <text x=\"").append(LEFT + column * CELL_W + CELL_W / 2).append("\" y=\"").append(TOP + 3 * CELL_H + 20)
                    .append("\" text-anchor=\"middle\" font-size=\"12\">").append(COLUMNS.get(column)).append("</text>\n");
        }
        int middleY = TOP + 3 * CELL_H / 2;
        svg.append("  <text x=\"").append(LEFT + 3 * CELL_W / 2).append("\" y=\"").append(TOP + 3 * CELL_H + 50)
                .append("\" text-anchor=\"middle\" font-size=\"14\">Potential</text>\n")
                .append("  <text x=\"30\" y=\"").append(middleY).append("\" text-anchor=\"middle\" font-size=\"14\" transform=\"rotate(-90 30 ")
                .append(middleY).append(")\">Performance</text>\n")
                .append("</svg>\n");
        return svg.toString();
    }

    /** Greener towards high performance and potential. */
    private static String fill(int row, int column) {
        int strength = (2 - row) + column; // 0 (LOW × LOW) .. 4 (HIGH × HIGH)
        return List.of("#f4cccc", "#fce5cd", "#fff2cc", "#d9ead3", "#b6d7a8").get(strength);
    }

    private static String plain(java.math.BigDecimal value) {
        return value.stripTrailingZeros().toPlainString();
    }

    static String escape(String text) {
        StringBuilder out = new StringBuilder(text.length());
        for (char c : text.toCharArray()) {
            switch (c) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&apos;");
                default -> {
                    // characters XML 1.0 cannot carry at all are dropped rather than breaking the document
                    if (c >= 0x20 || c == '\t' || c == '\n' || c == '\r') {
                        out.append(c);
                    }
                }
            }
        }
        return out.toString();
    }
}
