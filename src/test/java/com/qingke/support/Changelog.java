package com.qingke.support;

import java.io.InputStream;
import javax.xml.parsers.DocumentBuilderFactory;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/** Reads statements out of the Liquibase changelogs, so a test runs exactly what a migration runs. */
public final class Changelog {
    private Changelog() {
    }

    /** The text of the (single) {@code <sql>} element of a changeSet in {@code db/changes/<file>}. */
    public static String sql(String file, String changeSetId) {
        try (InputStream in = Changelog.class.getClassLoader().getResourceAsStream("db/changes/" + file)) {
            if (in == null) {
                throw new IllegalArgumentException("no changelog db/changes/" + file);
            }
            DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
            f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            NodeList sets = f.newDocumentBuilder().parse(in).getElementsByTagName("changeSet");
            for (int i = 0; i < sets.getLength(); i++) {
                Element set = (Element) sets.item(i);
                if (changeSetId.equals(set.getAttribute("id"))) {
                    NodeList sql = set.getElementsByTagName("sql");
                    if (sql.getLength() != 1) {
                        throw new IllegalStateException(changeSetId + " has " + sql.getLength() + " <sql> elements");
                    }
                    return sql.item(0).getTextContent().strip();
                }
            }
            throw new IllegalArgumentException("no changeSet " + changeSetId + " in " + file);
        } catch (java.io.IOException | javax.xml.parsers.ParserConfigurationException | org.xml.sax.SAXException e) {
            throw new IllegalStateException(e);
        }
    }
}
