package io.hotline.app.people;

import io.hotline.routing.knowledge.KnowledgeHit;
import io.hotline.routing.spi.CustomerHistory;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The screen-pop's customer parts as the JSON of docs/api.md. Stateless, thread-safe. */
final class ScreenPopJson {

    private ScreenPopJson() {
    }

    static Map<String, Object> customer(CustomerHistory.Customer customer) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("id", customer.id());
        json.put("code", customer.code());
        json.put("name", customer.name());
        json.put("contractLevel", customer.contractLevel());
        json.put("vip", customer.vip());
        json.put("region", customer.region());
        json.put("site", customer.site());
        return json;
    }

    static List<Map<String, Object>> products(CustomerHistory.History history) {
        List<Map<String, Object>> json = new ArrayList<>();
        for (CustomerHistory.InstalledProduct product : history.products()) {
            Map<String, Object> one = new LinkedHashMap<>();
            one.put("product", product.product());
            one.put("name", product.name());
            one.put("version", product.version());
            one.put("modules", product.modules());
            json.add(one);
        }
        return json;
    }

    static List<Map<String, Object>> openWorkOrders(CustomerHistory.History history) {
        List<Map<String, Object>> json = new ArrayList<>();
        for (CustomerHistory.OpenWorkOrder order : history.openWorkOrders()) {
            Map<String, Object> one = new LinkedHashMap<>();
            one.put("id", order.id());
            one.put("state", order.state());
            one.put("tier", order.tier());
            one.put("severity", order.severity());
            one.put("summary", order.summary());
            one.put("openedAt", order.openedAt().toString());
            json.add(one);
        }
        return json;
    }

    static List<Map<String, Object>> lastContacts(CustomerHistory.History history) {
        List<Map<String, Object>> json = new ArrayList<>();
        for (CustomerHistory.Contact contact : history.lastContacts()) {
            Map<String, Object> one = new LinkedHashMap<>();
            one.put("at", contact.at().toString());
            one.put("outcome", contact.outcome());
            one.put("seat", contact.seat());
            one.put("workOrderId", contact.workOrderId());
            one.put("talkSeconds", contact.talkSeconds());
            json.add(one);
        }
        return json;
    }

    static List<Map<String, Object>> articles(List<KnowledgeHit> hits) {
        List<Map<String, Object>> json = new ArrayList<>();
        for (KnowledgeHit hit : hits) {
            Map<String, Object> one = new LinkedHashMap<>();
            one.put("id", hit.article().code());
            one.put("title", hit.title());
            one.put("snippet", hit.fragments().isEmpty() ? "" : hit.fragments().get(0));
            one.put("product", hit.article().productLine());
            json.add(one);
        }
        return json;
    }
}
